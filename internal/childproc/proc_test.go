package childproc_test

import (
	"bufio"
	"bytes"
	"io"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/childproc"
)

// TestFrames writes frames and reads them back, and refuses what a broken or
// hostile helper might send.
func TestFrames(t *testing.T) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := childproc.WriteFrame(w, "ABCD", 7, []byte("payload")); err != nil {
		t.Fatal(err)
	}
	good := append([]byte(nil), buf.Bytes()...)
	status, payload, err := childproc.ReadFrame(bytes.NewReader(good), "ABCD", 100)
	if err != nil || status != 7 || string(payload) != "payload" {
		t.Fatalf("ReadFrame = %d, %q, %v; want 7, payload, nil", status, payload, err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		max  uint32
		want string
	}{
		{"other magic", good, 100, "magic"},
		{"over the limit", good, 3, "too large"},
		{"truncated payload", good[:len(good)-2], 100, io.ErrUnexpectedEOF.Error()},
		{"truncated head", good[:5], 100, io.ErrUnexpectedEOF.Error()},
		{"a length of 4 GiB and no payload", []byte("ABCD\x00\xff\xff\xff\xff"), 1<<32 - 1, io.ErrUnexpectedEOF.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			magic := "ABCD"
			if tc.name == "other magic" {
				magic = "WXYZ"
			}
			_, _, err := childproc.ReadFrame(bytes.NewReader(tc.data), magic, tc.max)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadFrame = %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, _, err := childproc.ReadFrame(bytes.NewReader(nil), "ABCD", 100); err != io.EOF {
		t.Errorf("ReadFrame of nothing = %v, want io.EOF (the peer is done)", err)
	}
}

func TestErrorPayload(t *testing.T) {
	for _, tc := range []struct {
		payload string
		code    string
		message string
	}{
		{argmap.ETOOLARGE + "\nthe map is too large", argmap.ETOOLARGE, "the map is too large"},
		{"forbidden\nnot yours to say", argmap.EINTERNAL, "not yours to say"},
		{"no newline", argmap.EINTERNAL, ""},
	} {
		e := childproc.DecodeError([]byte(tc.payload))
		if e.Code != tc.code || e.Message != tc.message {
			t.Errorf("DecodeError(%q) = %s / %q, want %s / %q", tc.payload, e.Code, e.Message, tc.code, tc.message)
		}
	}
	err := argmap.Errorf(argmap.EINVALID, "malformed")
	if got := childproc.DecodeError(childproc.EncodeError(err)); got.Code != argmap.EINVALID || got.Message != "malformed" {
		t.Errorf("EncodeError then DecodeError = %v, want %v", got, err)
	}
}

// TestProc starts helpers: one answers over its pipes, one is killed by
// Kill (not counted as the kernel's doing), one by someone else's SIGKILL
// (counted), one cannot start.
func TestProc(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the guards act on Linux only")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	p, err := childproc.Start([]string{sh, "-c", `read line; echo "got $line $ARGMAP_X"; echo oops >&2`}, []string{"ARGMAP_X=env"}, 512<<20)
	if err != nil {
		t.Fatal(err)
	}
	p.Stdin.Write([]byte("hello\n"))
	line, err := p.Stdout.ReadString('\n')
	if err != nil || line != "got hello env\n" {
		t.Fatalf("helper answered %q, %v; want \"got hello env\"", line, err)
	}
	p.Kill()
	if p.Alive() || p.DiedOfSIGKILL() {
		t.Errorf("after Kill: alive %v, died of someone's SIGKILL %v; want false, false", p.Alive(), p.DiedOfSIGKILL())
	}

	q, err := childproc.Start([]string{sh, "-c", "sleep 60"}, nil, 512<<20)
	if err != nil {
		t.Fatal(err)
	}
	syscall.Kill(q.Pid(), syscall.SIGKILL)
	deadline := time.Now().Add(10 * time.Second)
	for q.Alive() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if q.Alive() || !q.DiedOfSIGKILL() {
		t.Errorf("after an outside SIGKILL: alive %v, died of someone's SIGKILL %v; want false, true", q.Alive(), q.DiedOfSIGKILL())
	}
	q.Kill()

	if _, err := childproc.Start([]string{"/nonexistent/helper"}, nil, 512<<20); err == nil {
		t.Error("Start of a missing program succeeded")
	}
}

// TestStartHelperThatExitsAtOnce: a helper can exit, and be reaped, before
// Start lowers its priority and caps its memory; that is no failure to start
// (it said "lowering its priority: no such process" about 1 time in 300 on
// a quiet machine, so a render worker that exits at once came out as
// "cannot start a renderer" instead of a worker that died). Many starts of a
// helper that exits at once all return it, and it is found dead.
func TestStartHelperThatExitsAtOnce(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the guards are Linux's")
	}
	path, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no 'true' command on this machine")
	}
	for i := 0; i < 3000; i++ {
		p, err := childproc.Start([]string{path}, nil, 1<<30)
		if err != nil {
			t.Fatalf("start %d of a helper that exits at once: %v", i+1, err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for p.Alive() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		if p.Alive() {
			t.Fatalf("start %d: the helper is still alive after 5 s", i+1)
		}
		p.Kill()
	}
}
