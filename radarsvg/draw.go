package radarsvg

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"

	"github.com/bearingorg/bearing"
)

// ringColors colour blips by ring index; mid-tone so white numbers read on
// them and they stay apart when printed in grey.
var ringColors = []string{"#1a7f4b", "#1f6fb2", "#a86400", "#c0392b", "#6f42c1", "#00838f", "#795548", "#546e7a"}

// bandFills alternate behind the rings: light greys that print well.
var bandFills = []string{"#f2f2f2", "#e8e8e8"}

const lineColor = "#bdbdbd"

// style holds the hover and focus highlight, so that no script is needed.
const style = `text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}` +
	`.blip{cursor:pointer}.blip:hover .mark,.blip:focus .mark{stroke:#111;stroke-width:2px}` +
	`.n{fill:#fff;text-anchor:middle;pointer-events:none}` +
	`.ring-labels{font-weight:600;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:3px}` +
	`.quadrant-labels{fill:#333}.legend text{fill:#333}`

// svg builds the document; floats get one decimal so output is stable.
type svg struct{ bytes.Buffer }

func (w *svg) num(x float64) {
	if x == 0 {
		x = 0 // no "-0.0"
	}
	w.Write(strconv.AppendFloat(w.AvailableBuffer(), x, 'f', 1, 64))
}

// attr writes ` name="x"` for a number.
func (w *svg) attr(name string, x float64) {
	w.WriteString(" " + name + `="`)
	w.num(x)
	w.WriteByte('"')
}

// text writes s escaped for XML text and attribute values alike.
func (w *svg) text(s string) { xml.EscapeText(w, []byte(s)) }

// draw writes the document for laid-out items.
func draw(cfg *bearing.RadarConfig, g *geom, items []item, opt Options) []byte {
	w := &svg{}
	w.Grow(1500 + 420*len(items))
	k := g.k
	size := strconv.Itoa(g.size)
	w.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"` +
		` width="` + size + `" height="` + size + `" viewBox="0 0 ` + size + " " + size +
		`" role="img" aria-labelledby="radarsvg-title radarsvg-desc" font-size="`)
	w.num(12 * k)
	w.WriteString(`"><title id="radarsvg-title">`)
	title := opt.Title
	if strings.TrimSpace(title) == "" {
		title = "Technology radar"
	}
	w.text(title)
	w.WriteString(`</title><desc id="radarsvg-desc">`)
	w.text(describe(cfg, len(items)))
	w.WriteString("</desc>\n<style>" + style + "</style>\n")
	drawBands(w, g)
	drawRingLabels(w, cfg, g)
	drawQuadrantLabels(w, cfg, g, k)
	w.WriteString(`<g class="blips">` + "\n")
	for i := range items {
		drawBlip(w, cfg, g, &items[i], i+1)
	}
	w.WriteString("</g>\n")
	drawLegend(w, g, k)
	w.WriteString("</svg>\n")
	return w.Bytes()
}

// describe sums the radar up for screen readers.
func describe(cfg *bearing.RadarConfig, n int) string {
	return "Technology radar with " + strconv.Itoa(n) + " technologies in quadrants " + cfg.QuadrantNames() +
		" and rings " + cfg.RingNames() + " (innermost first). Blips are numbered by quadrant, ring and name."
}

// drawBands draws the ring bands, outermost first, and the sector lines.
func drawBands(w *svg, g *geom) {
	w.WriteString(`<g class="rings" stroke="` + lineColor + `">`)
	for r := len(g.radii) - 1; r >= 0; r-- {
		w.WriteString("<circle")
		w.attr("cx", g.c)
		w.attr("cy", g.c)
		w.attr("r", g.radii[r])
		w.WriteString(` fill="` + bandFills[r%2] + `"/>`)
	}
	for q := 0; g.nq > 1 && q < g.nq; q++ {
		s, c := math.Sincos(startAngle + float64(q)*g.sector)
		w.WriteString("<line")
		w.attr("x1", g.c)
		w.attr("y1", g.c)
		w.attr("x2", g.c+g.outer()*c)
		w.attr("y2", g.c+g.outer()*s)
		w.WriteString("/>")
	}
	w.WriteString("</g>\n")
}

// drawRingLabels writes each ring's name in its band, on the line at 12
// o'clock, in the box that blips keep clear of.
func drawRingLabels(w *svg, cfg *bearing.RadarConfig, g *geom) {
	w.WriteString(`<g class="ring-labels" aria-hidden="true" font-size="`)
	w.num(ringFont * g.k)
	w.WriteString(`">`)
	for r, ring := range cfg.Rings {
		w.WriteString("<text")
		w.attr("x", g.c)
		w.attr("y", g.c+(g.labels[r].y0+g.labels[r].y1)/2)
		w.WriteString(` dy=".35em" fill="` + ringColors[r%len(ringColors)] + `">`)
		w.text(ring.Name)
		w.WriteString("</text>")
	}
	w.WriteString("</g>\n")
}

// drawQuadrantLabels writes each quadrant's name just outside its sector's
// outer edge, wrapped onto short lines and anchored away from the circle.
func drawQuadrantLabels(w *svg, cfg *bearing.RadarConfig, g *geom, k float64) {
	w.WriteString(`<g class="quadrant-labels" aria-hidden="true" font-size="`)
	w.num(13 * k)
	w.WriteString(`">`)
	lh := 15 * k
	for q, quad := range cfg.Quadrants {
		s, c := math.Sincos(startAngle + (float64(q)+0.5)*g.sector)
		x, y := g.c+(g.outer()+10*k)*c, g.c+(g.outer()+10*k)*s
		lines := wrap(quad.Name, 14)
		anchor := "middle"
		if c > 0.2 {
			anchor = "start"
		} else if c < -0.2 {
			anchor = "end"
		}
		switch {
		case s < -0.3: // above the centre: the last line nearest the circle
			y -= float64(len(lines)-1) * lh
		case s > 0.3:
			y += 10 * k
		default:
			y -= float64(len(lines)-1)*lh/2 - 4*k
		}
		w.WriteString(`<text text-anchor="` + anchor + `">`)
		for i, line := range lines {
			w.WriteString("<tspan")
			w.attr("x", x)
			w.attr("y", y+float64(i)*lh)
			w.WriteString(">")
			w.text(line)
			w.WriteString("</tspan>")
		}
		w.WriteString("</text>")
	}
	w.WriteString("</g>\n")
}

// wrap breaks s into lines of at most n bytes where it can, at spaces.
func wrap(s string, n int) []string {
	var lines []string
	for _, word := range strings.Fields(s) {
		if last := len(lines) - 1; last >= 0 && len(lines[last])+1+len(word) <= n {
			lines[last] += " " + word
			continue
		}
		lines = append(lines, word)
	}
	return lines
}
