// Package childproc guards helper processes that argmap starts to run code it
// does not trust to end or to stay small (the render worker, the PDF reader):
// each runs in its own process group at a lower priority, with its memory
// capped, dies with the thread that started it, and is killed with anything
// it started. The guards are Linux's; elsewhere they do nothing but kill the
// process itself. Proc starts one so guarded and speaks to it in frames
// (WriteFrame, ReadFrame); the pools that keep helpers are their callers'.
package childproc
