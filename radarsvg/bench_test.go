package radarsvg

import (
	"testing"

	"github.com/bearingorg/bearing"
)

func benchmarkRender(b *testing.B, n int) {
	cfg := bearing.DefaultRadarConfig()
	blips := spread(cfg, n, 7, 6, 4, 3) // more in adopt and trial
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(cfg, blips, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender60(b *testing.B)   { benchmarkRender(b, 60) }
func BenchmarkRender5000(b *testing.B) { benchmarkRender(b, 5000) }
