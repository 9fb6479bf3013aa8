package radarfmt

import (
	"context"

	"github.com/bearingorg/bearing"
)

// Load reads the whole radar of a Bearing server — rings, quadrants, every
// technology with its moves and every edition, oldest first — so that any
// writer can export it.
func Load(ctx context.Context, svc bearing.TechnologyService) (*Radar, error) {
	cfg, err := svc.RadarConfig(ctx)
	if err != nil {
		return nil, err
	}
	ts, err := svc.FindTechnologies(ctx, bearing.TechnologyFilter{})
	if err != nil {
		return nil, err
	}
	eds, err := svc.FindEditions(ctx)
	if err != nil {
		return nil, err
	}
	rd := &Radar{Title: "Technology radar", Config: *cfg, Technologies: ts}
	for i := len(eds) - 1; i >= 0; i-- {
		e, err := svc.FindEdition(ctx, eds[i].ID)
		if err != nil {
			return nil, err
		}
		rd.Editions = append(rd.Editions, e)
	}
	return rd, nil
}
