package render

import (
	"bufio"

	"github.com/argmap/argmap/internal/childproc"
)

// CheckOutput exposes checkOutput to the tests.
var CheckOutput = checkOutput

// Wire protocol, for the fuzz tests.
var (
	ReadRequest  = readRequest
	WriteRequest = writeRequest
	ReadReply    = readReply
)

// Reply writes one reply frame, as a worker does.
func Reply(w *bufio.Writer, status byte, payload []byte) error {
	return childproc.WriteFrame(w, replyMagic, status, payload)
}
