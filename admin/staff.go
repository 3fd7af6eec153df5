package admin

import "strings"

// staffLine lists the builders and admins, as many as fit.
func (m Model) staffLine(w int) string {
	var admins, builders []string
	for _, s := range m.snap.Staff {
		for _, r := range s.Roles {
			if r == "admin" {
				admins = append(admins, s.Name)
			} else {
				builders = append(builders, s.Name)
			}
		}
	}
	text := m.st.title.Render("Staff") + "  " + m.st.label.Render("admins ") + names(admins) +
		m.st.label.Render("  builders ") + names(builders)
	return fit(text, w)
}

// names joins a list of names, "none" when empty.
func names(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}
