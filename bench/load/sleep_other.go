//go:build !linux

package main

import "time"

// lockSender does nothing where sleepUntil uses time.Sleep.
func lockSender() {}

// sleepUntil waits until t.
func sleepUntil(t time.Time) {
	if d := time.Until(t); d > 0 {
		time.Sleep(d)
	}
}
