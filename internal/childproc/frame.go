package childproc

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// A helper answers in frames:
//
//	magic (4 bytes) | status (1 byte) | payload length (4 bytes, big-endian) | payload
//
// Each protocol chooses its magic and its statuses; an error's payload is
// "code\nmessage" (EncodeError, DecodeError).

// WriteFrame writes one frame to w and flushes it.
func WriteFrame(w *bufio.Writer, magic string, status byte, payload []byte) error {
	w.WriteString(magic)
	w.WriteByte(status)
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(payload)))
	w.Write(n[:])
	w.Write(payload)
	return w.Flush()
}

// ReadFrame reads one frame of r written with magic, refusing a payload of
// more than max bytes.
func ReadFrame(r io.Reader, magic string, max uint32) (status byte, payload []byte, err error) {
	var head [9]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return 0, nil, err
	}
	if string(head[:4]) != magic {
		return 0, nil, fmt.Errorf("bad frame magic %q", head[:4])
	}
	size := binary.BigEndian.Uint32(head[5:])
	if size > max {
		return 0, nil, fmt.Errorf("frame of %d bytes is too large", size)
	}
	payload, err = ReadN(r, size)
	if err != nil {
		return 0, nil, err
	}
	return head[4], payload, nil
}

// ReadN reads exactly n bytes of r, growing its buffer as the bytes come
// rather than trusting a length read from the peer with one allocation.
func ReadN(r io.Reader, n uint32) ([]byte, error) {
	var buf bytes.Buffer
	got, err := buf.ReadFrom(io.LimitReader(r, int64(n)))
	if err != nil {
		return nil, err
	}
	if got < int64(n) {
		return nil, io.ErrUnexpectedEOF
	}
	return buf.Bytes(), nil
}

// EncodeError is the payload of an error frame: err's code and message.
func EncodeError(err error) []byte {
	return []byte(argmap.ErrorCode(err) + "\n" + argmap.ErrorMessage(err))
}

// DecodeError turns an error frame's payload back into an error. A code a
// helper has no business sending becomes EINTERNAL.
func DecodeError(payload []byte) *argmap.Error {
	code, msg, _ := strings.Cut(string(payload), "\n")
	switch code {
	case argmap.EINVALID, argmap.ETOOLARGE, argmap.EUNSUPPORTED, argmap.EUNAVAILABLE, argmap.EINTERNAL:
	default:
		code = argmap.EINTERNAL
	}
	return &argmap.Error{Code: code, Message: msg}
}
