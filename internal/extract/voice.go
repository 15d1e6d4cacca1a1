package extract

// OwnVoice reports whether the whole of text is in its author's voice: no
// part of it reports another's view ("critics say that ..."). Judge then
// finds no asserter ("") whatever the question, so an answer that only needs
// to know who asserts a passage need not judge it (argmap.VoiceJudge). It
// reads the text as Judge does (questions dropped, the same voices) but
// looks up no word.
func (s *Stancer) OwnVoice(text string) bool {
	for _, r := range regions(dropQuestions(text)) {
		if r.asserter != "" {
			return false
		}
	}
	return true
}
