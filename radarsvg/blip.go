package radarsvg

import (
	"math"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// markShare is the radius of the filled mark of a new or moved blip, as a
// share of the blip radius; the outline takes the rest.
const markShare = 0.66

// drawBlip writes one blip: a focusable link titled with the name and ring,
// holding the mark, its outline for new and moved blips, and its number.
func drawBlip(w *svg, cfg *bearing.RadarConfig, g *geom, it *item, n int) {
	color := ringColors[it.r%len(ringColors)]
	w.WriteString(`<a class="blip" id="blip-` + strconv.Itoa(n) + `"`)
	if it.URL != "" {
		w.WriteString(` href="`)
		w.text(it.URL)
		w.WriteString(`" xlink:href="`)
		w.text(it.URL)
		w.WriteString(`"`)
	}
	w.WriteString(` tabindex="0"><title>`)
	w.text(it.Name + " (" + cfg.Rings[it.r].Name + ")")
	w.WriteString("</title>")
	change := changeKind(it.Change)
	mark := it.rad
	if change != "" {
		mark *= markShare
	}
	circle(w, "mark", it.x, it.y, mark)
	w.WriteString(` fill="` + color + `"/>`)
	if change != "" {
		dx, dy := g.c-it.x, g.c-it.y // towards the centre
		rho := math.Hypot(dx, dy)
		outline(w, change, it.x, it.y, it.rad, dx/rho, dy/rho, color)
	}
	number(w, it.x, it.y, mark, n)
	w.WriteString("</a>\n")
}

// changeKind normalises a blip's change; anything unknown draws as no change.
func changeKind(c string) string {
	for _, k := range []string{bearing.EntryNew, bearing.EntryMovedIn, bearing.EntryMovedOut} {
		if strings.EqualFold(strings.TrimSpace(c), k) {
			return k
		}
	}
	return ""
}

// circle opens a <circle> element; the caller adds paint and closes it.
func circle(w *svg, class string, x, y, r float64) {
	w.WriteString(`<circle class="` + class + `"`)
	w.attr("cx", x)
	w.attr("cy", y)
	w.attr("r", r)
}

// outline draws the ring of a new blip, or the half ring of a moved one on
// the side facing the centre (moved in) or the edge (moved out); (ux, uy) is
// the unit vector towards the centre. The stroke stays within radius b, so
// outlines never reach other blips.
func outline(w *svg, change string, x, y, b, ux, uy float64, color string) {
	sw := 0.18 * b
	ra := b - sw/2
	if change == bearing.EntryNew {
		circle(w, "outline", x, y, ra)
	} else {
		if change == bearing.EntryMovedOut {
			ux, uy = -ux, -uy
		}
		// From +90° to -90° of the direction, through it: sweep flag 0.
		w.WriteString(`<path class="outline" d="M`)
		w.num(x - ra*uy)
		w.WriteByte(' ')
		w.num(y + ra*ux)
		w.WriteString("A")
		w.num(ra)
		w.WriteByte(' ')
		w.num(ra)
		w.WriteString(" 0 0 0 ")
		w.num(x + ra*uy)
		w.WriteByte(' ')
		w.num(y - ra*ux)
		w.WriteByte('"')
	}
	w.WriteString(` fill="none" stroke="` + color + `"`)
	w.attr("stroke-width", sw)
	w.WriteString("/>")
}

// number writes the blip's number inside its mark of radius r, if it can be
// read at that size.
func number(w *svg, x, y, r float64, n int) {
	s := strconv.Itoa(n)
	fs := math.Min(1.05*r, 2.8*r/float64(len(s)))
	if fs < 4.5 {
		return
	}
	w.WriteString(`<text class="n"`)
	w.attr("x", x)
	w.attr("y", y)
	w.attr("font-size", fs)
	w.WriteString(` dy=".35em">` + s + "</text>")
}

// legendItems explain the marks, in the order the legend shows them.
var legendItems = []struct{ change, text string }{
	{"", "no change"},
	{bearing.EntryNew, "new"},
	{bearing.EntryMovedIn, "moved in: half ring faces centre"},
	{bearing.EntryMovedOut, "moved out: half ring faces edge"},
}

// drawLegend writes one centred row along the bottom explaining the marks.
func drawLegend(w *svg, g *geom, k float64) {
	fs, rs, gap := 11*k, 6*k, 18*k
	width := 0.0
	for _, li := range legendItems {
		width += 2*rs + 6*k + 0.5*fs*float64(len(li.text)) + gap
	}
	x, y := g.c-(width-gap)/2, float64(g.size)-16*k
	w.WriteString(`<g class="legend" font-size="`)
	w.num(fs)
	w.WriteString(`">`)
	for _, li := range legendItems {
		mark := rs
		if li.change != "" {
			mark *= markShare
		}
		circle(w, "mark", x+rs, y, mark)
		w.WriteString(` fill="#555"/>`)
		if li.change != "" {
			outline(w, li.change, x+rs, y, rs, 0, -1, "#555") // the centre is "up"
		}
		w.WriteString("<text")
		w.attr("x", x+2*rs+6*k)
		w.attr("y", y)
		w.WriteString(` dy=".35em">` + li.text + "</text>")
		x += 2*rs + 6*k + 0.5*fs*float64(len(li.text)) + gap
	}
	w.WriteString("</g>\n")
}
