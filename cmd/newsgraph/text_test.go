package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestTextCommand(t *testing.T) {
	dir := t.TempDir()
	web := func(name string) string { return filepath.Join("testdata", "web", name) }
	// the same page under a name that says text: read as HTML all the same
	raw, _ := os.ReadFile(web("ledger.html"))
	disguised := filepath.Join(dir, "saved-story.txt")
	os.WriteFile(disguised, raw, 0o644)
	plain := filepath.Join(dir, "plain.html")
	os.WriteFile(plain, []byte("Rail strike ends after two weeks\n\nThe rail union accepted a new pay offer on Friday, ending a two-week strike that halted trains across the north.\n"), 0o644)
	tests := []struct {
		path       string
		want       textRecord // Text is checked with has and lacks
		has, lacks []string
	}{
		{web("ledger.html"), textRecord{URL: "https://dailyledger.example/world/2021/02/14/musk-invites-putin-clubhouse", Title: "Musk invites Putin to a Clubhouse chat", Authors: []string{"Clara Whitfield"}, Published: "2021-02-14", Site: "The Daily Ledger"},
			[]string{"Elon Musk invited Vladimir Putin to a conversation", "“First we need to understand what Mr Musk is proposing,” Mr Peskov told reporters in Moscow.", "Its rooms hold up to 5,000 people"},
			[]string{"Subscribe", "Share on", "Related stories", "Clubhouse banned in China", "Great article", "newsletter", "©", "Privacy policy"}},
		{disguised, textRecord{URL: "https://dailyledger.example/world/2021/02/14/musk-invites-putin-clubhouse", Title: "Musk invites Putin to a Clubhouse chat", Authors: []string{"Clara Whitfield"}, Published: "2021-02-14", Site: "The Daily Ledger"},
			[]string{"Elon Musk invited Vladimir Putin to a conversation"}, []string{"<p>", "Share on"}},
		{web("harbour.html"), textRecord{URL: "https://harbourtimes.example/news/kremlin-weighs-musk-clubhouse-invitation", Title: "Kremlin weighs Musk's Clubhouse invitation", Authors: []string{"Owen Marsh"}, Published: "2021-02-15", Site: "Harbour Times"},
			// Windows-1252 without any declaration: curly quotes and é decode
			[]string{"“Putin does not personally use social networks,” Mr Peskov said on Monday.", "the café-style rooms", "app’s founders"},
			[]string{"cookies", "Premium", "Storm closes ferry", "Most read", "\uFFFD"}},
		{web("wire.html"), textRecord{URL: "https://northernwire.example/2021/03/02/musk-putin-clubhouse-chat-comes-to-nothing", Title: "Musk-Putin Clubhouse chat comes to nothing, says Kremlin", Authors: []string{"Tom Ames"}, Published: "2021-03-02", Site: "Northern Wire"},
			// ISO-8859-1 declared in a <meta http-equiv>
			[]string{"Anna Sörensen, a media analyst in Moscow", `"Apparently there was some kind of misunderstanding," Mr Peskov told reporters.`},
			[]string{"Tags:", "Markets", "\uFFFD"}},
		{plain, textRecord{Title: "Rail strike ends after two weeks", Authors: []string{}},
			[]string{"Rail strike ends after two weeks\n\nThe rail union accepted a new pay offer on Friday"}, nil},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			out, code := runCLI(t, "text", "--format", "json", tc.path)
			if code != 0 {
				t.Fatalf("text (%d): %s", code, out)
			}
			var got textRecord
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out)
			}
			text := got.Text
			got.Text, got.Source = "", ""
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("metadata:\n got %+v\nwant %+v", got, tc.want)
			}
			for _, s := range tc.has {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tc.lacks {
				if strings.Contains(text, s) {
					t.Errorf("text has %q:\n%s", s, text)
				}
			}
		})
	}
}

func TestTextOfSeveralInputs(t *testing.T) {
	out, code := runCLI(t, "text", filepath.Join("testdata", "web", "ledger.html"), filepath.Join("testdata", "web", "wire.html"), "missing.html")
	if code != 2 {
		t.Errorf("exit code %d, want 2 (an input skipped)", code)
	}
	for _, want := range []string{"==> testdata/web/ledger.html <==\n", "==> testdata/web/wire.html <==\n", "skipped: missing.html: no such file or folder"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExplainSaysWhatEachStageDropped(t *testing.T) {
	out, code := runCLI(t, "extract", "--explain", filepath.Join("testdata", "web", "ledger.html"))
	if code != 0 {
		t.Fatalf("extract --explain (%d): %s", code, out)
	}
	for _, want := range []string{
		`web page (utf-8): title "Musk invites Putin to a Clubhouse chat", site "The Daily Ledger"`,
		`page dropped (inside <section class="related-stories">): Clubhouse banned in China after surge in users`,
		`page dropped (inside <nav>): Home`,
		`page dropped (inside <footer>): © 2021 The Daily Ledger. All rights reserved.`,
		`page dropped (inside <div class="comment">): Great article, thanks for writing it!`,
		"cleaning then dropped:\n",
		"dropped line ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
}
