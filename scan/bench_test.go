package scan

import (
	"context"
	"os"
	"testing"
)

// BenchmarkScanMonorepo scans the tree named by BEARING_BENCH_MONOREPO,
// made by bench/monorepo:
//
//	go run ./bench/monorepo --out /tmp/mono
//	BEARING_BENCH_MONOREPO=/tmp/mono go test ./scan -run '^$' -bench ScanMonorepo -benchtime 5x
//
// `go run ./bench/monorepo --scan /tmp/mono` reports the same scan's wall
// time, files/s, MB/s and peak RSS.
func BenchmarkScanMonorepo(b *testing.B) {
	root := os.Getenv("BEARING_BENCH_MONOREPO")
	if root == "" {
		b.Skip("set BEARING_BENCH_MONOREPO to a tree made by bench/monorepo")
	}
	b.ReportAllocs()
	for b.Loop() {
		inv, err := Scan(context.Background(), root, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(inv.Items)), "items")
	}
}
