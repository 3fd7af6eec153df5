package ansi

// rgb is a 24-bit colour.
type rgb struct{ r, g, b uint8 }

// basic16 returns the xterm default value of ANSI colour k (0-15).
func basic16(k int) rgb {
	switch k {
	case 0:
		return rgb{0, 0, 0}
	case 1:
		return rgb{205, 0, 0}
	case 2:
		return rgb{0, 205, 0}
	case 3:
		return rgb{205, 205, 0}
	case 4:
		return rgb{0, 0, 238}
	case 5:
		return rgb{205, 0, 205}
	case 6:
		return rgb{0, 205, 205}
	case 7:
		return rgb{229, 229, 229}
	case 8:
		return rgb{127, 127, 127}
	case 9:
		return rgb{255, 0, 0}
	case 10:
		return rgb{0, 255, 0}
	case 11:
		return rgb{255, 255, 0}
	case 12:
		return rgb{92, 92, 255}
	case 13:
		return rgb{255, 0, 255}
	case 14:
		return rgb{0, 255, 255}
	default:
		return rgb{255, 255, 255}
	}
}

// cubeLevel is the value of step i (0-5) of the xterm 6x6x6 colour cube.
func cubeLevel(i int) uint8 {
	if i == 0 {
		return 0
	}
	return uint8(55 + 40*i)
}

// nearestLevel returns the cube step closest to v.
func nearestLevel(v uint8) int {
	switch {
	case v < 48:
		return 0
	case v < 115:
		return 1
	default:
		return (int(v) - 35) / 40
	}
}

// index256RGB returns the colour of xterm palette entry n.
func index256RGB(n int) rgb {
	switch {
	case n < 16:
		return basic16(n)
	case n < 232:
		n -= 16
		return rgb{cubeLevel(n / 36), cubeLevel(n / 6 % 6), cubeLevel(n % 6)}
	default:
		v := uint8(8 + 10*(n-232))
		return rgb{v, v, v}
	}
}

// nearest256 returns the palette entry (16-255) closest to c: the nearest
// point of the colour cube or of the grey ramp, whichever is closer.
func nearest256(c rgb) int {
	ri, gi, bi := nearestLevel(c.r), nearestLevel(c.g), nearestLevel(c.b)
	cube := 16 + 36*ri + 6*gi + bi
	avg := (int(c.r) + int(c.g) + int(c.b)) / 3
	grey := 232 + min(max((avg-3)/10, 0), 23)
	if distance(c, index256RGB(grey)) < distance(c, index256RGB(cube)) {
		return grey
	}
	return cube
}

// nearest16 returns the ANSI colour (0-15) closest to c.
func nearest16(c rgb) int {
	best, bestDist := 0, -1
	for k := range 16 {
		if d := distance(c, basic16(k)); bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// distance is the squared "redmean" distance between two colours, a cheap
// approximation of how different they look.
func distance(a, b rgb) int {
	rm := (int(a.r) + int(b.r)) / 2
	dr, dg, db := int(a.r)-int(b.r), int(a.g)-int(b.g), int(a.b)-int(b.b)
	return ((512+rm)*dr*dr)>>8 + 4*dg*dg + ((767-rm)*db*db)>>8
}
