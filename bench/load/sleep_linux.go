package main

import (
	"runtime"
	"syscall"
	"time"
)

// lockSender pins the calling goroutine to its thread, so sleepUntil can
// block that thread in the kernel.
func lockSender() { runtime.LockOSThread() }

// sleepUntil waits until t with nanosleep(2) instead of time.Sleep: the Go
// runtime rounds timer waits below a millisecond up to a whole millisecond
// (its epoll wait has millisecond resolution), which would make a 2,000
// req/s schedule lumpy and add up to a millisecond to measured latencies.
func sleepUntil(t time.Time) {
	for {
		d := time.Until(t)
		if d <= 0 {
			return
		}
		ts := syscall.NsecToTimespec(int64(d))
		if err := syscall.Nanosleep(&ts, nil); err == nil {
			return
		}
	}
}
