package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestTranslate(t *testing.T) {
	neoErr := func(code string) error { return &neo4j.Neo4jError{Code: code, Msg: "server says no"} }
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want string
	}{
		{"nil", context.Background(), nil, ""},
		{"argmap error passes", context.Background(), argmap.Errorf(argmap.ENOTFOUND, "claim x not found"), argmap.ENOTFOUND},
		{"wrapped argmap error passes", context.Background(), fmt.Errorf("tx: %w", argmap.Errorf(argmap.ECONFLICT, "taken")), argmap.ECONFLICT},
		{"constraint", context.Background(), neoErr("Neo.ClientError.Schema.ConstraintValidationFailed"), argmap.ECONFLICT},
		{"bad credentials", context.Background(), neoErr("Neo.ClientError.Security.Unauthorized"), argmap.EUNAUTHORIZED},
		{"rate limited", context.Background(), neoErr("Neo.ClientError.Security.AuthenticationRateLimit"), argmap.EUNAUTHORIZED},
		{"forbidden", context.Background(), neoErr("Neo.ClientError.Security.Forbidden"), argmap.EFORBIDDEN},
		{"no database", context.Background(), neoErr("Neo.ClientError.Database.DatabaseNotFound"), argmap.EUNAVAILABLE},
		{"transient", context.Background(), neoErr("Neo.TransientError.Transaction.DeadlockDetected"), argmap.EUNAVAILABLE},
		{"tx timeout", context.Background(), neoErr("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"), argmap.EUNAVAILABLE},
		{"syntax error is a bug", context.Background(), neoErr("Neo.ClientError.Statement.SyntaxError"), argmap.EINTERNAL},
		{"missing parameter is a bug", context.Background(), neoErr("Neo.ClientError.Statement.ParameterMissing"), argmap.EINTERNAL},
		{"database error", context.Background(), neoErr("Neo.DatabaseError.General.UnknownError"), argmap.EINTERNAL},
		{"retries exhausted", context.Background(), &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{neoErr("Neo.TransientError.General.DatabaseUnavailable")}}, argmap.EUNAVAILABLE},
		{"retried constraint", context.Background(), &neo4j.TransactionExecutionLimit{Cause: "x", Errors: []error{neoErr("Neo.ClientError.Schema.ConstraintValidationFailed")}}, argmap.ECONFLICT},
		{"connectivity", context.Background(), &neo4j.ConnectivityError{Inner: errors.New("connection refused")}, argmap.EUNAVAILABLE},
		{"token expired", context.Background(), &neo4j.TokenExpiredError{Code: "Neo.ClientError.Security.TokenExpired", Message: "expired"}, argmap.EUNAUTHORIZED},
		{"usage error is a bug", context.Background(), &neo4j.UsageError{Message: "session closed"}, argmap.EINTERNAL},
		{"deadline", context.Background(), fmt.Errorf("run: %w", context.DeadlineExceeded), argmap.EUNAVAILABLE},
		{"canceled context", canceled, errors.New("read failed"), argmap.EUNAVAILABLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := neo4jstore.Translate(tt.ctx, tt.err, "read claim")
			if code := argmap.ErrorCode(got); code != tt.want {
				t.Errorf("translate(%v) code = %q (%v), want %q", tt.err, code, got, tt.want)
			}
			if tt.err != nil && tt.want != argmap.EINTERNAL && argmap.ErrorMessage(got) == "" {
				t.Errorf("translate(%v) has no user message", tt.err)
			}
			// Server text never reaches users.
			if msg := argmap.ErrorMessage(got); tt.want != "" && strings.Contains(msg, "server says no") || strings.Contains(msg, "Neo.") && !errors.As(tt.err, new(*argmap.Error)) {
				t.Errorf("translate(%v) message %q shows server internals", tt.err, msg)
			}
		})
	}
}

func TestOpenWithoutServer(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		cfg  neo4jstore.Config
		want string
	}{
		{"not a neo4j URI", neo4jstore.Config{URI: "http://localhost:7474"}, argmap.EINVALID},
		{"nothing listening", neo4jstore.Config{URI: "bolt://127.0.0.1:1", QueryTimeout: 3 * time.Second}, argmap.EUNAVAILABLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := neo4jstore.Open(ctx, tt.cfg)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded, want %s", tt.cfg.URI, tt.want)
			}
			if code := argmap.ErrorCode(err); code != tt.want {
				t.Errorf("Open(%q) code = %q (%v), want %q", tt.cfg.URI, code, err, tt.want)
			}
		})
	}
}
