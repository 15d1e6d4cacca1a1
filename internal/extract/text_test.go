package extract_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		code string
		msg  string
	}{
		{"ok", []byte("A sentence."), "", ""},
		{"bom ok", []byte("\xEF\xBB\xBFA sentence."), "", ""},
		{"empty", nil, argmap.EINVALID, "empty document"},
		{"whitespace", []byte(" \n\t\r\n "), argmap.EINVALID, "empty document"},
		{"bom only", []byte("\xEF\xBB\xBF\n"), argmap.EINVALID, "empty document"},
		{"invalid utf8", []byte("abc\xffdef"), argmap.EINVALID, "byte offset 3"},
		{"truncated rune", []byte("caf\xc3"), argmap.EINVALID, "byte offset 3"},
		{"nul", []byte("ab\x00cd"), argmap.EINVALID, "NUL byte at offset 2"},
		{"control bytes", []byte(strings.Repeat("\x01\x02\x03a", 100)), argmap.EINVALID, "binary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := extract.CheckText(tt.in)
			if got := argmap.ErrorCode(err); got != tt.code {
				t.Fatalf("CheckText(%q) code = %q, want %q (err %v)", tt.in, got, tt.code, err)
			}
			if tt.msg != "" && !strings.Contains(argmap.ErrorMessage(err), tt.msg) {
				t.Errorf("CheckText(%q) message = %q, want it to contain %q", tt.in, argmap.ErrorMessage(err), tt.msg)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		mt, name, data string
		want           extract.Format
	}{
		{"text/html; charset=utf-8", "x", "plain", extract.FormatHTML},
		{"text/markdown", "x", "", extract.FormatMarkdown},
		{"text/plain", "a.html", "<html>", extract.FormatPlain},
		{"", "a.htm", "", extract.FormatHTML},
		{"", "notes.md", "", extract.FormatMarkdown},
		{"", "a.txt", "<html>", extract.FormatPlain},
		{"", "blob", "  <!DOCTYPE html><p>x", extract.FormatHTML},
		{"", "blob", "# Title\n\ntext", extract.FormatMarkdown},
		{"", "blob", "Just words.", extract.FormatPlain},
	}
	for _, tt := range tests {
		if got := extract.Sniff(tt.mt, tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Sniff(%q, %q, %q) = %q, want %q", tt.mt, tt.name, tt.data, got, tt.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	text, title := extract.HTMLText(readFixture(t, "page.html"))
	if title != "Border agencies and their critics" {
		t.Errorf("HTMLText title = %q", title)
	}
	for _, gone := range []string{"color: red", "scripts are claims", "Home", "Site header", "Related:", "Copyright"} {
		if strings.Contains(text, gone) {
			t.Errorf("HTMLText kept %q, which a reader does not see:\n%s", gone, text)
		}
	}
	for _, kept := range []string{"We argue that the agency has become a gatekeeper for wealthy states.", "Its work & reach should be"} {
		if !strings.Contains(text, kept) {
			t.Errorf("HTMLText lost %q:\n%s", kept, text)
		}
	}
	if !strings.Contains(text, "critics\n\nWe argue") {
		t.Errorf("HTMLText does not keep block structure as blank lines:\n%q", text)
	}
}
