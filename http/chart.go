package http

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/bearingorg/bearing"
)

// trendSVG draws a small line chart of departing repositories over time
// (scaled to its own peak),
// server-side, with the first and last values labelled; no script, no
// inline style, so it passes the page's content security policy.
func trendSVG(points []bearing.TrendPoint) template.HTML {
	const w, h, pad = 320.0, 90.0, 18.0
	if len(points) == 0 {
		return ""
	}
	top := 1
	for _, p := range points {
		top = max(top, p.Departing)
	}
	x := func(i int) float64 {
		if len(points) == 1 {
			return w / 2
		}
		return pad + float64(i)*(w-2*pad)/float64(len(points)-1)
	}
	y := func(v int) float64 { return h - pad - float64(v)*(h-2*pad)/float64(top) }
	var dep strings.Builder
	for i, p := range points {
		fmt.Fprintf(&dep, "%.1f,%.1f ", x(i), y(p.Departing))
	}
	first, last := points[0], points[len(points)-1]
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="trend" viewBox="0 0 %.0f %.0f" role="img" aria-label="%d repositories departing on %s, %d on %s">`,
		w, h, first.Departing, first.Day, last.Departing, last.Day)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#999" stroke-width="1"/>`, pad, h-pad, w-pad, h-pad)
	fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#b3261e" stroke-width="2.5"/>`, strings.TrimSpace(dep.String()))
	fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="11" fill="currentColor">%d</text>`, x(0), y(first.Departing)-4, first.Departing)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="11" text-anchor="end" fill="currentColor">%d</text>`, x(len(points)-1), y(last.Departing)-4, last.Departing)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="10" fill="#666">%s</text>`, pad, h-3, first.Day)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="10" text-anchor="end" fill="#666">%s</text>`, w-pad, h-3, last.Day)
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // numbers and dates only: nothing from users
}
