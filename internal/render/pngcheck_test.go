package render_test

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// pngChunk returns one PNG chunk with its length and CRC.
func pngChunk(kind string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(kind)
	b.Write(data)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	return b.Bytes()
}

// TestCheckOutputPNG checks the structural PNG check that replaced a full
// decode: a good PNG passes, and truncation, corruption, missing or
// misplaced chunks, and oversized canvases are refused with EINTERNAL.
func TestCheckOutputPNG(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	img.Set(3, 3, color.Black)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	sig := good[:8]
	ihdr := func(w, h uint32) []byte {
		d := make([]byte, 13)
		binary.BigEndian.PutUint32(d, w)
		binary.BigEndian.PutUint32(d[4:], h)
		d[8], d[9] = 8, 2
		return pngChunk("IHDR", d)
	}
	idat := pngChunk("IDAT", []byte{0x78, 0x01, 1, 2, 3})
	iend := pngChunk("IEND", nil)
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	flip := func(b []byte, i int) []byte {
		c := bytes.Clone(b)
		c[i] ^= 0x40
		return c
	}
	if err := render.CheckOutput(argmap.FormatPNG, good); err != nil {
		t.Fatalf("CheckOutput(good PNG) = %v, want nil", err)
	}
	if err := render.CheckOutput(argmap.FormatPNG, cat(sig, ihdr(10, 10), idat, iend)); err != nil {
		t.Fatalf("CheckOutput(hand-made PNG) = %v, want nil", err)
	}
	tests := []struct {
		name string
		in   []byte
	}{
		{"truncated", good[:len(good)-5]},
		{"signature only", sig},
		{"bad signature", flip(good, 1)},
		{"corrupt image data", flip(good, len(good)-20)},
		{"corrupt header", flip(good, 18)},
		{"no end", cat(sig, ihdr(10, 10), idat)},
		{"no image data", cat(sig, ihdr(10, 10), iend)},
		{"no header", cat(sig, idat, iend)},
		{"two headers", cat(sig, ihdr(10, 10), ihdr(10, 10), idat, iend)},
		{"data after the end", cat(good, []byte("trailing"))},
		{"image data not zlib", cat(sig, ihdr(10, 10), pngChunk("IDAT", []byte("not zlib")), iend)},
		{"zero width", cat(sig, ihdr(0, 10), idat, iend)},
		{"too wide", cat(sig, ihdr(100000, 10), idat, iend)},
		{"too many pixels", cat(sig, ihdr(8000, 8000), idat, iend)},
		{"chunk length past the end", cat(sig, ihdr(10, 10), []byte{0xff, 0xff, 0xff, 0xf0, 'I', 'D', 'A', 'T', 0, 0, 0, 0})},
	}
	for _, tt := range tests {
		err := render.CheckOutput(argmap.FormatPNG, tt.in)
		if argmap.ErrorCode(err) != argmap.EINTERNAL {
			t.Errorf("CheckOutput(%s) = %v, want an EINTERNAL error", tt.name, err)
		}
	}
}
