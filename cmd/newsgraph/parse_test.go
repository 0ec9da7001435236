package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/syntax/conllu"
)

// parse on text gives one CoNLL-U sentence per sentence, with offsets
// that point at each token's bytes in the input.
func TestParseTextGivesCoNLLU(t *testing.T) {
	dir := t.TempDir()
	text := "Mr. Smith didn't say that Acme Corp. bought 5,000 shares.\nShe went to London on Tuesday."
	in := filepath.Join(dir, "story.txt")
	os.WriteFile(in, []byte(text), 0o644)
	out, _, code := run(t, "parse", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	sents, err := conllu.Read(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 || sents[0].ID != "story-1" {
		t.Fatalf("%d sentences (first %q), want 2 from story-1:\n%s", len(sents), sents[0].ID, out)
	}
	forms := []string{}
	for _, tok := range sents[0].Tokens {
		forms = append(forms, tok.Form)
	}
	if got := strings.Join(forms, " "); got != "Mr. Smith did n't say that Acme Corp. bought 5,000 shares ." {
		t.Errorf("tokens %q", got)
	}
	roots := 0
	for _, s := range sents {
		for _, tok := range s.Tokens {
			if tok.Head == 0 {
				roots++
			}
			if tok.UPOS == "" || tok.XPOS == "" || tok.Rel == "" || tok.Head < 0 {
				t.Errorf("token %q lacks a prediction: %+v", tok.Form, tok)
			}
		}
	}
	if roots != 2 {
		t.Errorf("%d roots in 2 sentences", roots)
	}
	for _, want := range []string{"TokenRange=0:3", "NER=B-PERSON", "NER=B-PLACE"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

// With --input conllu the words and sentence breaks are kept as given and
// the predicted columns replaced; parsing that output again gives it back.
func TestParseCoNLLURoundTrips(t *testing.T) {
	dir := t.TempDir()
	gold := "# sent_id = a-1\n# text = The board approved the deal.\n" +
		"1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tboard\tboard\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n" +
		"3\tapproved\tapprove\tVERB\tVBD\t_\t0\troot\t_\t_\n4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n" +
		"5\tdeal\tdeal\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
	in := filepath.Join(dir, "gold.conllu")
	os.WriteFile(in, []byte(gold), 0o644)
	first, _, code := run(t, "parse", "--input", "conllu", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, first)
	}
	if first != gold {
		t.Errorf("a plain sentence should come back as annotated:\ngot\n%s\nwant\n%s", first, gold)
	}
	again := filepath.Join(dir, "again.conllu")
	os.WriteFile(again, []byte(first), 0o644)
	second, _, _ := run(t, "parse", "--input", "conllu", again)
	if second != first {
		t.Errorf("parsing the output again changed it:\n%s\n%s", first, second)
	}
}

// Both parsers, and either with a beam of its own width, give one tree
// per sentence; a negative width and an unknown parser are refused with
// a clear error.
func TestParseBeam(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.txt")
	os.WriteFile(in, []byte("Acme paid the bill in full, prosecutors said on Monday.\nShares rose."), 0o644)
	for _, args := range [][]string{{"--beam", "3"}, {"--parser", "fast"}, {"--parser", "fast", "--beam", "2"}, {"--parser", "accurate", "--beam", "1"}} {
		out, _, code := run(t, append(append([]string{"parse"}, args...), in)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, out)
		}
		sents, err := conllu.Read(strings.NewReader(out))
		if err != nil || len(sents) != 2 {
			t.Fatalf("%v: %d sentences, %v:\n%s", args, len(sents), err, out)
		}
		for _, s := range sents {
			roots := 0
			for _, tok := range s.Tokens {
				if tok.Head == 0 {
					roots++
				}
			}
			if roots != 1 {
				t.Errorf("%v: %s: %d roots", args, s.ID, roots)
			}
		}
	}
	for _, bad := range []struct{ flag, value, want string }{{"--beam", "-1", "--beam -1"}, {"--parser", "huge", `--parser "huge"`}} {
		if out, errOut, code := run(t, "parse", bad.flag, bad.value, in); code == 0 || !strings.Contains(out+errOut, bad.want) {
			t.Errorf("%s %s: exit %d, %s%s", bad.flag, bad.value, code, out, errOut)
		}
	}
}
