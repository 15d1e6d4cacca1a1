package childproc_test

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/childproc"
)

// TestGuards starts a shell that starts a child of its own, limits its
// memory and lowers its priority, then kills its group: the limits are the
// kernel's view of the process, and killing the group leaves nothing
// running.
func TestGuards(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the guards act on Linux only")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh on PATH")
	}
	cmd := exec.Command(sh, "-c", "sleep 60 & echo $!; wait")
	cmd.SysProcAttr = childproc.Attr()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	buf := make([]byte, 32)
	n, _ := out.Read(buf)
	child, err := strconv.Atoi(strings.TrimSpace(string(buf[:n])))
	if err != nil {
		t.Fatalf("child pid %q: %v", buf[:n], err)
	}
	if err := childproc.LimitMemory(pid, 300<<20); err != nil {
		t.Fatal(err)
	}
	if err := childproc.Lower(pid); err != nil {
		t.Fatal(err)
	}
	limits, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/limits")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(limits), strconv.Itoa(300<<20)) {
		t.Errorf("limits of the process do not show the 300 MiB data limit:\n%s", limits)
	}
	childproc.KillGroup(pid)
	cmd.Wait()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !childproc.KilledBySignal(ws) {
		t.Errorf("the process ended with %v, want killed by SIGKILL", cmd.ProcessState)
	}
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(child, 0) == nil {
		if stat, err := os.ReadFile("/proc/" + strconv.Itoa(child) + "/stat"); err == nil && strings.Contains(string(stat), ") Z ") {
			break // a zombie waiting for init to reap it: dead
		}
		if time.Now().After(deadline) {
			t.Fatalf("the shell's child %d still runs after its group was killed", child)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
