package worldfile

import (
	"bytes"
	"encoding/json"

	"mythosd/store"
)

// zoneConfig is a decoded zone_config.json or subzone_config.json.
type zoneConfig struct {
	zone      store.Zone
	startRoom string // sub-zone configs only
}

// newZone returns the zone or sub-zone at loc as it is without a config.
func newZone(loc location) store.Zone {
	name := loc.zone
	if loc.subZone != "" {
		name = loc.subZone
	}
	return store.Zone{
		ID: loc.id(), Plane: loc.plane, Zone: loc.zone, SubZone: loc.subZone,
		Name: DisplayName(name),
	}
}

// decodeConfig decodes and checks one config file found at loc. Whatever its
// problems, it returns a usable zone: the faulty parts are left out.
func decodeConfig(file string, loc location, data []byte) (zoneConfig, []Problem) {
	p := &fileProblems{file: file}
	cfg := zoneConfig{zone: newZone(loc)}
	obj, err := decodeObject(data)
	if err != nil {
		p.errorf("", "%v", err)
		return cfg, p.list
	}
	if name := optString(obj, "", "name", p); name != "" {
		cfg.zone.Name = name
	}
	cfg.zone.Description = optString(obj, "", "description", p)
	cfg.zone.Environment = environmentField(obj, p)
	cfg.zone.DrainRate = drainRate(obj["special_rules"], p)
	cfg.startRoom = optString(obj, "", "start_room", p)
	intField(obj, "", "reset_minutes", false, 1, 1440, p)
	if cfg.startRoom != "" && loc.subZone == "" {
		p.warnf("start_room", "only a sub-zone config names a start room; ignored")
		cfg.startRoom = ""
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, trimBOM(data)); err == nil {
		cfg.zone.Attributes = buf.String()
	}
	return cfg, p.list
}

// drainRate reads special_rules.lucidity_drain_rate, falling back to the
// older special_rules.sanity_drain_rate; 0 when neither is there.
func drainRate(raw json.RawMessage, p *fileProblems) float64 {
	if isNull(raw) {
		return 0
	}
	var rules map[string]json.RawMessage
	if err := json.Unmarshal(raw, &rules); err != nil {
		p.errorf("special_rules", "must be an object")
		return 0
	}
	if rate, ok := optNumber(rules["lucidity_drain_rate"], "special_rules.lucidity_drain_rate", p); ok {
		return rate
	}
	rate, _ := optNumber(rules["sanity_drain_rate"], "special_rules.sanity_drain_rate", p)
	return rate
}
