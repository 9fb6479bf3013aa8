// Package bearing holds the domain of Bearing: the types an engineering
// organisation's technical strategy is made of (decisions, users, teams, the
// history of every change), the rules they obey, and the service interfaces
// the storage and HTTP packages implement and consume.
//
// The package imports no other package of this module and knows nothing of
// SQL or HTTP, so every rule stated here holds whichever engine or transport
// carries it.
package bearing

import "time"

// Version is the build's version, set at link time with
// -ldflags "-X github.com/bearingorg/bearing.Version=v1.2.3" so that
// `bearing version` and the API can say which build answers.
var Version = "dev"

// Now is the clock used when a service is not given one; tests replace the
// service's clock, never this variable.
func Now() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }
