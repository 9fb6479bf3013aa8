package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bearingorg/bearing"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/sqldb"
)

func runPolicyExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "policy export")
	database := databaseFlag(fs, env)
	output := fs.String("output", "-", "file to write, - for stdout")
	baseURL := fs.String("base-url", envOr(env, "BEARING_BASE_URL", ""), "public URL of the server, for links (env BEARING_BASE_URL)")
	if err := parse(fs, args); err != nil {
		return err
	}
	db, err := openDB(ctx, *database)
	if err != nil {
		return err
	}
	defer db.Close()
	p, err := sqldb.NewPolicyService(db, strings.TrimRight(*baseURL, "/")).Policy(ctx)
	if err != nil {
		return err
	}
	w := env.Stdout
	if *output != "-" {
		f, err := os.Create(*output)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	if err := printJSON(w, p); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Policy %s: %d technologies, %d guidelines, %d active exceptions.\n",
		p.Hash[:12], len(p.Technologies), len(p.Guidelines), len(p.Exceptions))
	return nil
}

// readPolicy loads a policy document exported earlier, checking its schema.
func readPolicy(name string) (*bearing.Policy, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var p bearing.Policy
	dec := json.NewDecoder(io.LimitReader(f, 256<<20))
	if err := dec.Decode(&p); err != nil {
		return nil, fmt.Errorf("%s: not a policy document: %w", name, err)
	}
	if p.Schema != bearing.PolicySchema {
		return nil, fmt.Errorf("%s: schema %q is not %q; export it again with this version of bearing", name, p.Schema, bearing.PolicySchema)
	}
	return &p, nil
}

func runAsk(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "ask")
	cf := addClientFlags(fs, env)
	policyFile := fs.String("policy", "", "answer offline from an exported policy file instead of asking the server")
	team := fs.String("team", envOr(env, "BEARING_TEAM", ""), "your team, to show its exceptions (offline only; the server knows yours) (env BEARING_TEAM)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		return usagef("say what you want to use, e.g. bearing ask mongodb")
	}
	var a *bearing.Answer
	if *policyFile != "" {
		p, err := readPolicy(*policyFile)
		if err != nil {
			return err
		}
		a = p.Ask(q, strings.Split(*team, ","))
	} else {
		var err error
		if a, err = bhttp.NewClient(*cf.server, *cf.token).Ask(ctx, q); err != nil {
			return err
		}
	}
	if *asJSON {
		return printJSON(env.Stdout, a)
	}
	printAnswer(env.Stdout, a)
	return nil
}

func printAnswer(w io.Writer, a *bearing.Answer) {
	if a.Technology != nil {
		fmt.Fprintf(w, "%s: %s — %s\n", a.Technology.Name, strings.ToUpper(string(a.Verdict)), a.Meaning)
		if a.Matched != "" {
			fmt.Fprintf(w, "(found by %s)\n", a.Matched)
		}
	} else {
		fmt.Fprintf(w, "%s: UNKNOWN — %s\n", a.Query, a.HowToRaise)
		if len(a.DidYouMean) > 0 {
			fmt.Fprintf(w, "Did you mean: %s?\n", strings.Join(a.DidYouMean, ", "))
		}
		if len(a.Contacts) > 0 {
			fmt.Fprintf(w, "Ask: %s\n", strings.Join(a.Contacts, ", "))
		}
	}
	for _, r := range a.Reasons {
		fmt.Fprintf(w, "  why (%s %s): %s %s\n", r.Kind, r.Ref, firstLine(r.Text), r.URL)
	}
	for _, t := range a.Alternatives {
		fmt.Fprintf(w, "  instead: %s (%s)\n", t.Name, t.Ring)
	}
	for _, e := range a.Exceptions {
		fmt.Fprintf(w, "  your exception %s covers %s until %s\n", e.Key, strings.Join(e.Scope, ", "), e.ExpiresOn)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
