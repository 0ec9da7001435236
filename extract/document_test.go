package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

const englishPara = "The city council voted on Monday to expand the bus network, and the mayor said the plan would be paid for by a new parking levy. Opponents argued that the levy would hurt small shops."

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestNewDocumentRejectsAndRepairs(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
	tests := []struct {
		name    string
		raw     []byte
		wantErr error
		warn    string
		text    string
	}{
		{"empty", nil, ErrEmpty, "", ""},
		{"whitespace", []byte(" \n\t \r\n"), ErrEmpty, "", ""},
		{"png", png, ErrBinary, "", ""},
		{"html", []byte("<!DOCTYPE html><html><body><p>Hello</p></body></html>"), ErrHTML, "", ""},
		{"html fragments", []byte(strings.Repeat("<div><p>Some text in a paragraph.</p></div>\n", 4)), ErrHTML, "", ""},
		{"french", []byte("Le conseil municipal a voté lundi pour étendre le réseau de bus, et le maire a déclaré que le projet serait financé par une nouvelle taxe sur le stationnement. Les opposants ont fait valoir que cette taxe nuirait aux petits commerces du centre-ville."), ErrNotEnglish, "", ""},
		{"mostly invalid utf8", bytes.Repeat([]byte{0xC3, 0x28, 'a'}, 100), ErrBadUTF8, "", ""},
		{"a few invalid bytes repaired", append([]byte(englishPara), 0xFF, ' ', 'O', 'k', '.'), nil, "replaced 1 invalid UTF-8 bytes with U+FFFD", "\uFFFD Ok."},
		{"utf-16 with BOM decoded", utf16LE(englishPara), nil, "decoded from UTF-16", "parking levy"},
		{"utf-8 BOM removed", append([]byte{0xEF, 0xBB, 0xBF}, englishPara...), nil, "", "The city council"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDocument("in/"+tt.name+".txt", tt.raw, nil, DocOptions{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), "in/"+tt.name+".txt") {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.warn != "" && (len(d.Warnings) == 0 || d.Warnings[0] != tt.warn) {
				t.Errorf("warnings = %v, want %q", d.Warnings, tt.warn)
			}
			if !strings.Contains(d.Text, tt.text) || strings.HasPrefix(d.Text, "\uFEFF") {
				t.Errorf("text %q does not contain %q", d.Text, tt.text)
			}
		})
	}
}

func TestNewDocumentTooLarge(t *testing.T) {
	_, err := NewDocument("big.txt", bytes.Repeat([]byte("word "), 300), nil, DocOptions{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Fatalf("err = %v", err)
	}
}

func TestDocIDAndHash(t *testing.T) {
	a, _ := NewDocument("dir/Some Story (v2).txt", []byte(englishPara), nil, DocOptions{RelPath: "dir/Some Story (v2).txt"})
	b, _ := NewDocument("other/Some Story (v2).txt", []byte(englishPara), nil, DocOptions{RelPath: "other/Some Story (v2).txt"})
	if a.ID != "dir/some-story-v2" || b.ID != "other/some-story-v2" {
		t.Errorf("IDs = %q, %q", a.ID, b.ID)
	}
	if a.Hash != b.Hash || len(a.Hash) != 64 {
		t.Errorf("hashes differ for equal bytes: %s %s", a.Hash, b.Hash)
	}
}

func TestRuneOffset(t *testing.T) {
	text := strings.Repeat("é", 700) + " marker " + strings.Repeat("ü", 900) + " end"
	d, err := NewDocument("r.txt", []byte(englishPara+" "+text), nil, DocOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{"marker", "end"} {
		b := strings.Index(d.Text, needle)
		want := len([]rune(d.Text[:b]))
		if got := d.RuneOffset(b); got != want {
			t.Errorf("RuneOffset(%d) = %d, want %d", b, got, want)
		}
	}
}

func TestParseManifest(t *testing.T) {
	m, err := ParseManifest("m.json", []byte(`{"_comment": "x", "a.txt": {"outlet": "Daily Planet", "published": "2024-05-06"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if m["a.txt"].Outlet != "Daily Planet" || m["a.txt"].Published.Format("2006-01-02") != "2024-05-06" {
		t.Errorf("got %+v", m["a.txt"])
	}
	if _, err := ParseManifest("m.json", []byte(`{"a.txt": {"published": "May 6"}}`)); err == nil || !strings.Contains(err.Error(), "a.txt") {
		t.Errorf("bad date error = %v", err)
	}
}
