package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"

	bhttp "github.com/bearingorg/bearing/http"
)

func runDecisionList(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "decision list")
	cf := addClientFlags(fs, env)
	q := fs.String("q", "", "full-text search")
	status := fs.String("status", "", "only these statuses, comma-separated")
	tag := fs.String("tag", "", "only decisions with this tag")
	owner := fs.String("owner", "", "only decisions owned by this e-mail")
	team := fs.String("team", "", "only decisions of this team")
	due := fs.Bool("due", false, "only decisions due for review")
	limit := fs.Int("limit", 50, "at most this many")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	v := url.Values{}
	for k, s := range map[string]string{"q": *q, "status": *status, "tag": *tag, "owner": *owner, "team": *team} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if *due {
		v.Set("due", "true")
	}
	v.Set("limit", fmt.Sprint(*limit))
	list, err := bhttp.NewClient(*cf.server, *cf.token).ListDecisions(ctx, v)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, list)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tSTATUS\tTITLE\tOWNERS\tREVISIT")
	for _, d := range list.Decisions {
		st := string(d.Status)
		if d.Incomplete != "" {
			st += " (incomplete)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Key, st, d.Title, strings.Join(d.Owners, ","), d.RevisitOn)
	}
	tw.Flush()
	fmt.Fprintf(env.Stderr, "%d of %d decisions\n", len(list.Decisions), list.Total)
	return nil
}

func runDecisionShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "decision show")
	cf := addClientFlags(fs, env)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, reorder(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("name one decision, e.g. DEC-42")
	}
	d, err := bhttp.NewClient(*cf.server, *cf.token).GetDecision(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(env.Stdout, d)
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s  %s\nStatus: %s", d.Key, d.Title, d.Status)
	if d.Incomplete != "" {
		fmt.Fprintf(w, " — incomplete: %s", d.Incomplete)
	}
	fmt.Fprintln(w)
	for _, o := range d.Decision.Owners {
		signed := "not signed"
		if o.AcceptedAt != nil {
			signed = "signed " + o.AcceptedAt.Format("2006-01-02")
		}
		fmt.Fprintf(w, "Owner: %s (%s)\n", o.Email, signed)
	}
	if !d.RevisitOn.IsZero() {
		fmt.Fprintf(w, "Revisit on: %s\n", d.RevisitOn)
	}
	section(w, "Executive summary", d.ExecutiveSummary)
	section(w, "Context", d.Context)
	section(w, "Decision", d.Body)
	section(w, "Consequences", d.Consequences)
	list(w, "Do", d.Dos)
	list(w, "Don't", d.Donts)
	if len(d.SupersededBy) > 0 {
		fmt.Fprintf(w, "\nSuperseded by: %s\n", strings.Join(d.SupersededBy, ", "))
	}
	return nil
}

func runDecisionNew(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "decision new")
	cf := addClientFlags(fs, env)
	file := fs.String("file", "", "JSON file with the decision's fields (as in the API); - for stdin")
	title := fs.String("title", "", "title")
	summary := fs.String("summary", "", "executive summary")
	contextText := fs.String("context", "", "context (Markdown)")
	body := fs.String("decision", "", "the decision (Markdown)")
	status := fs.String("status", "", "draft (default) or proposed")
	tags := fs.String("tags", "", "comma-separated tags")
	owners := fs.String("owners", "", "comma-separated owner e-mails")
	revisit := fs.String("revisit-on", "", "revisit date, YYYY-MM-DD")
	if err := parse(fs, args); err != nil {
		return err
	}
	fields := map[string]any{}
	if *file != "" {
		if err := readJSONFile(env, *file, &fields); err != nil {
			return err
		}
	}
	set := func(k, v string) {
		if v != "" {
			fields[k] = v
		}
	}
	set("title", *title)
	set("executive_summary", *summary)
	set("context", *contextText)
	set("decision", *body)
	set("status", *status)
	set("revisit_on", *revisit)
	if *tags != "" {
		fields["tags"] = strings.Split(*tags, ",")
	}
	if *owners != "" {
		fields["owners"] = strings.Split(*owners, ",")
	}
	if fields["title"] == nil {
		return usagef("--title (or a title in --file) is required")
	}
	d, err := bhttp.NewClient(*cf.server, *cf.token).CreateDecision(ctx, fields)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n", d.Key)
	fmt.Fprintf(env.Stderr, "Created %s %q as %s: %s%s\n", d.Key, d.Title, d.Status, strings.TrimRight(*cf.server, "/"), d.URL)
	return nil
}

func readJSONFile(env *Env, name string, v any) error {
	var r io.Reader = env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: not a JSON object: %w", name, err)
	}
	return nil
}

// reorder moves flags before positional arguments, so both
// `decision show DEC-1 --json` and `decision show --json DEC-1` work.
func reorder(args []string) []string {
	var flags, pos []string
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			flags = append(flags, a)
		} else if len(flags) > 0 && strings.HasPrefix(flags[len(flags)-1], "--") && !strings.Contains(flags[len(flags)-1], "=") &&
			flags[len(flags)-1] != "--json" && flags[len(flags)-1] != "--dry-run" {
			flags = append(flags, a)
		} else {
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func section(w io.Writer, title, text string) {
	if strings.TrimSpace(text) != "" {
		fmt.Fprintf(w, "\n## %s\n\n%s\n", title, strings.TrimSpace(text))
	}
}

func list(w io.Writer, title string, items []string) {
	if len(items) > 0 {
		fmt.Fprintf(w, "\n## %s\n\n", title)
		for _, s := range items {
			fmt.Fprintf(w, "- %s\n", s)
		}
	}
}
