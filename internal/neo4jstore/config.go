package neo4jstore

import (
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// Config tells Open how to reach a Neo4j database.
type Config struct {
	URI      string // neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc://
	User     string // "" for a server with authentication disabled
	Password string
	Database string // "" for the server's default database

	MaxConnPoolSize        int           // 0: DefaultMaxConnPoolSize
	ConnAcquisitionTimeout time.Duration // 0: DefaultConnAcquisitionTimeout
	QueryTimeout           time.Duration // 0: DefaultQueryTimeout; bounds every store call
}

// Defaults applied by Open to zero Config fields.
const (
	DefaultMaxConnPoolSize        = 50
	DefaultConnAcquisitionTimeout = 30 * time.Second
	DefaultQueryTimeout           = 60 * time.Second
)

// Environment variables read by ConfigFromEnv.
const (
	EnvUser           = "ARGMAP_NEO4J_USER"
	EnvPassword       = "ARGMAP_NEO4J_PASSWORD"
	EnvDatabase       = "ARGMAP_NEO4J_DATABASE"
	EnvMaxPool        = "ARGMAP_NEO4J_MAX_POOL"
	EnvAcquireTimeout = "ARGMAP_NEO4J_ACQUIRE_TIMEOUT" // a Go duration, e.g. "30s"
	EnvQueryTimeout   = "ARGMAP_NEO4J_QUERY_TIMEOUT"   // a Go duration, e.g. "1m"
)

var schemes = map[string]bool{
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
}

// IsNeo4jURI reports whether s names a Neo4j server by one of the schemes the
// driver speaks; the command uses it to choose a store.
func IsNeo4jURI(s string) bool {
	i := strings.Index(s, "://")
	return i > 0 && schemes[strings.ToLower(s[:i])]
}

// checkURI returns an EINVALID error unless uri is a Neo4j URI with a host.
// Messages never repeat the URI, which may carry credentials.
func checkURI(uri string) error {
	if !IsNeo4jURI(uri) {
		return argmap.Errorf(argmap.EINVALID,
			"the neo4j URI must start with neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc://")
	}
	u, err := url.Parse(uri)
	if err != nil {
		return argmap.Errorf(argmap.EINVALID, "the neo4j URI cannot be parsed")
	}
	if u.Hostname() == "" {
		return argmap.Errorf(argmap.EINVALID, "the neo4j URI has no host")
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return argmap.Errorf(argmap.EINVALID, "the neo4j URI has an invalid port %q", p)
		}
	}
	if u.User != nil {
		return argmap.Errorf(argmap.EINVALID,
			"the neo4j URI must not carry credentials; set %s and %s instead", EnvUser, EnvPassword)
	}
	return nil
}

// ConfigFromEnv returns the configuration for uri, completed from the
// ARGMAP_NEO4J_* environment variables. EINVALID if uri is not a Neo4j URI or
// a variable does not parse; every problem is reported at once.
func ConfigFromEnv(uri string) (Config, error) {
	return configFrom(uri, os.Getenv)
}

func configFrom(uri string, getenv func(string) string) (Config, error) {
	cfg := Config{
		URI:      strings.TrimSpace(uri),
		User:     getenv(EnvUser),
		Password: getenv(EnvPassword),
		Database: strings.TrimSpace(getenv(EnvDatabase)),
	}
	var problems []string
	if err := checkURI(cfg.URI); err != nil {
		problems = append(problems, argmap.ErrorMessage(err))
	}
	if v := strings.TrimSpace(getenv(EnvMaxPool)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			problems = append(problems, EnvMaxPool+" must be a positive whole number")
		}
		cfg.MaxConnPoolSize = n
	}
	durations := []struct {
		name string
		dst  *time.Duration
	}{{EnvAcquireTimeout, &cfg.ConnAcquisitionTimeout}, {EnvQueryTimeout, &cfg.QueryTimeout}}
	for _, d := range durations {
		v := strings.TrimSpace(getenv(d.name))
		if v == "" {
			continue
		}
		t, err := time.ParseDuration(v)
		if err != nil || t <= 0 {
			problems = append(problems, d.name+" must be a positive duration such as 30s")
			continue
		}
		*d.dst = t
	}
	if cfg.Password != "" && cfg.User == "" {
		problems = append(problems, EnvPassword+" is set but "+EnvUser+" is not")
	}
	if len(problems) > 0 {
		return Config{}, argmap.Errorf(argmap.EINVALID, "neo4j configuration: %s", strings.Join(problems, "; "))
	}
	return cfg, nil
}

// withDefaults returns cfg with zero fields set to the defaults.
func (cfg Config) withDefaults() Config {
	if cfg.MaxConnPoolSize <= 0 {
		cfg.MaxConnPoolSize = DefaultMaxConnPoolSize
	}
	if cfg.ConnAcquisitionTimeout <= 0 {
		cfg.ConnAcquisitionTimeout = DefaultConnAcquisitionTimeout
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = DefaultQueryTimeout
	}
	return cfg
}
