package neo4jstore

import (
	"context"
	"errors"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// translate is the one place driver errors become argmap errors. argmap
// errors pass through; timeouts, cancellations, lost connections and busy
// servers are EUNAVAILABLE; constraint violations ECONFLICT; rejected
// credentials EUNAUTHORIZED; a refused operation EFORBIDDEN; anything the
// server blames on the statement is EINTERNAL (a bug here, not bad input).
// what names the operation, as in "create claim".
func translate(ctx context.Context, err error, what string) error {
	if err == nil {
		return nil
	}
	var ae *argmap.Error
	if errors.As(err, &ae) {
		return err
	}
	unavailable := func(msg string) error {
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: what + ": " + msg, Err: err}
	}
	if errors.Is(err, context.DeadlineExceeded) || (ctx != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)) {
		return unavailable("the neo4j database did not answer in time")
	}
	if errors.Is(err, context.Canceled) || (ctx != nil && errors.Is(ctx.Err(), context.Canceled)) {
		return unavailable("canceled")
	}
	var auth *neo4j.InvalidAuthenticationError
	var expired *neo4j.TokenExpiredError
	if errors.As(err, &auth) || errors.As(err, &expired) {
		return &argmap.Error{Code: argmap.EUNAUTHORIZED, Message: what + ": neo4j rejected the credentials", Err: err}
	}
	// errors.As can find a typed nil in a chain; such an error carries no code.
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne != nil {
		return translateCode(ne.Code, what, err)
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		if n := len(limit.Errors); n > 0 {
			if errors.As(limit.Errors[n-1], &ne) && ne != nil && !strings.HasPrefix(ne.Code, "Neo.TransientError.") {
				return translateCode(ne.Code, what, err)
			}
		}
		return unavailable("the neo4j database stayed busy after retries")
	}
	var usage *neo4j.UsageError
	if errors.As(err, &usage) {
		return argmap.WrapInternal(err, what)
	}
	// Connectivity errors, pool timeouts, TLS and routing failures: the
	// driver's own errors about reaching the server.
	return unavailable("cannot reach the neo4j database")
}

// codeConstraintViolation is the status of a write refused by a uniqueness
// constraint.
const codeConstraintViolation = "Neo.ClientError.Schema.ConstraintValidationFailed"

// translateCode maps a Neo4j status code.
func translateCode(code, what string, err error) error {
	e := func(c, msg string) error { return &argmap.Error{Code: c, Message: what + ": " + msg, Err: err} }
	switch {
	case code == codeConstraintViolation:
		return e(argmap.ECONFLICT, "the record already exists")
	case code == "Neo.ClientError.Security.Unauthorized",
		code == "Neo.ClientError.Security.AuthenticationRateLimit",
		code == "Neo.ClientError.Security.CredentialsExpired",
		code == "Neo.ClientError.Security.TokenExpired":
		return e(argmap.EUNAUTHORIZED, "neo4j rejected the credentials")
	case code == "Neo.ClientError.Security.Forbidden",
		code == "Neo.ClientError.Security.AuthorizationExpired":
		return e(argmap.EFORBIDDEN, "neo4j refused the operation to the configured user")
	case code == "Neo.ClientError.Database.DatabaseNotFound":
		return e(argmap.EUNAVAILABLE, "the neo4j database does not exist")
	case strings.HasPrefix(code, "Neo.ClientError.Transaction.TransactionTimedOut"):
		return e(argmap.EUNAVAILABLE, "the neo4j database did not answer in time")
	case strings.HasPrefix(code, "Neo.TransientError."),
		code == "Neo.ClientError.Cluster.NotALeader",
		code == "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase":
		return e(argmap.EUNAVAILABLE, "the neo4j database is busy or read-only")
	}
	return argmap.WrapInternal(err, what)
}
