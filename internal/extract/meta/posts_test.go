package meta_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/meta"
)

func TestPosts(t *testing.T) {
	thread := "Topic: Is it both?\nPosted: 4 March 2019, 09:12    by kestrel_ma\nFirst post.\nReply | Quote\n" +
		"Posted: 4 March 2019, 11:40    by fieldnotes_ben\nSecond post.\nPosted: 5 March 2019, 08:27 by kestrel_ma\nThird."
	phpbb := "Forum Index\nPostPosted: Thu Nov 02, 2006 6:59 pm    Post subject: IOM - whose side? Reply with quote\nOne.\n" +
		"PostPosted: Fri Nov 24, 2006 5:16 pm\u00a0\u00a0\u00a0 Post subject: Reply with quote\nTwo."
	tests := []struct {
		name, text string
		want       []string // posters in order
	}{
		{"named posters", thread, []string{"kestrel_ma", "fieldnotes_ben", "kestrel_ma"}},
		{"dates only", phpbb, []string{"the poster of Thu Nov 02, 2006 6:59 pm", "the poster of Fri Nov 24, 2006 5:16 pm"}},
		{"one byline is no thread", "Voluntary in name only?\nPosted 12 May 2022 by Samira Adjei · 6 min read\nText.", nil},
		{"a sentence starting with Posted", "Posted guards stood by the gate.\nPosted guards stood by the door.", nil},
		{"posted by, no date", "Posted by ann\nYes.\nPosted by bob lee | reply\nNo.", []string{"ann", "bob lee"}},
		{"no headers", "An article.\nWith lines.", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		got := meta.Posts(tt.text)
		var names []string
		for _, p := range got {
			names = append(names, p.Poster)
			if !strings.HasPrefix(tt.text[p.Start:], "Post") {
				t.Errorf("%s: post start %d is not at its header: %.20q", tt.name, p.Start, tt.text[p.Start:])
			}
		}
		if strings.Join(names, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Posts = %q, want %q", tt.name, names, tt.want)
		}
	}
	posts := meta.Posts(thread)
	for _, tt := range []struct {
		at   string
		want string
	}{{"Topic", ""}, {"First post", "kestrel_ma"}, {"Second post", "fieldnotes_ben"}, {"Third", "kestrel_ma"}} {
		if got := argmap.PosterAt(posts, strings.Index(thread, tt.at)); got != tt.want {
			t.Errorf("PosterAt(%q) = %q, want %q", tt.at, got, tt.want)
		}
	}
}
