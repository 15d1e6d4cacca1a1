package render

// CheckOutput exposes checkOutput to the tests.
var CheckOutput = checkOutput

// Wire protocol, for the fuzz tests.
var (
	ReadRequest  = readRequest
	WriteRequest = writeRequest
	ReadReply    = readReply
	Reply        = reply
)
