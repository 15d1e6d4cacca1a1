package httpapi

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/internal/argmap"
)

// homePage is the small page at GET /. html/template escapes every value; the
// script builds results with textContent only, never HTML.
var homePage = template.Must(template.New("home").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>argmap</title>
<style nonce="{{.Nonce}}">
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{padding:.2rem .8rem;text-align:left;border-bottom:1px solid #ddd}
input[type=search]{width:70%;padding:.4rem}button{padding:.4rem .8rem}
li{margin:.4rem 0}blockquote{margin:.2rem 0 .2rem 1rem;color:#555;font-style:italic}
img{max-width:100%;border:1px solid #ddd;margin-top:1rem}.muted{color:#777}
</style>
</head>
<body>
<h1>argmap</h1>
<p>Claims, evidence and who supports or contests them, from the documents stored here.
The API is described in <a href="/openapi.yaml">openapi.yaml</a>.</p>
{{if .Locked}}<p class="muted">Reads need a bearer token on this server, so counts and the map are not shown.</p>
{{else if .Err}}<p class="muted">{{.Err}}</p>
{{else}}<table>
<tr><th>sources</th><td>{{.Counts.Sources}}</td><th>claims</th><td>{{.Counts.Claims}}</td><th>evidence</th><td>{{.Counts.Evidence}}</td></tr>
<tr><th>actors</th><td>{{.Counts.Actors}}</td><th>relations</th><td>{{.Counts.Relations}}</td><th>citations</th><td>{{.Counts.Citations}}</td></tr>
</table>{{end}}
<h2>Who supports or contests a claim?</h2>
<form id="ask"><input type="search" id="q" name="q" placeholder="a claim, e.g. the organisation serves the interests of states" required>
<button>Ask</button></form>
<div id="out" aria-live="polite"></div>
{{if .Locked}}{{else if or .Counts.Claims .Counts.Evidence}}<h2>The map</h2>
<img src="/v1/map.svg" alt="argument map of the stored claims">
{{else if not .Err}}<p class="muted">Nothing is stored yet: POST a document to /v1/sources to see a map here.</p>{{end}}
<script nonce="{{.Nonce}}">
(function(){
  var out = document.getElementById('out');
  function el(tag, text){ var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  function list(title, items){
    out.appendChild(el('h3', title + ' (' + items.length + ')'));
    var ul = el('ul');
    items.forEach(function(b){
      var li = el('li'); li.appendChild(el('strong', b.source.title || b.source.id));
      (b.spans || []).slice(0, 3).forEach(function(s){ li.appendChild(el('blockquote', s.quote || '')); });
      ul.appendChild(li);
    });
    out.appendChild(ul);
  }
  document.getElementById('ask').addEventListener('submit', function(ev){
    ev.preventDefault();
    var q = document.getElementById('q').value;
    out.textContent = 'Asking…';
    fetch('/v1/supporters?q=' + encodeURIComponent(q)).then(function(r){
      return r.json().then(function(body){ return {ok: r.ok, body: body}; });
    }).then(function(res){
      out.textContent = '';
      if (!res.ok) { out.appendChild(el('p', res.body.message || 'the question failed')); return; }
      var a = res.body;
      a.claims.forEach(function(c){ out.appendChild(el('p', 'Claim: ' + (c.gist || c.text))); });
      list('Supporting sources', a.supporting);
      list('Contesting sources', a.contesting);
    }).catch(function(){ out.textContent = 'The server could not be reached.'; });
  });
})();
</script>
</body>
</html>
`))

// homeData fills homePage.
type homeData struct {
	Nonce  string
	Locked bool
	Err    string
	Counts argmap.Counts
}

// webApp serves the web app's pages and assets, or 404 when no web app is
// configured.
func (s *Server) webApp(c *gin.Context) {
	if s.ui == nil {
		s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "the web app is not served here"))
		return
	}
	s.ui.ServeHTTP(c.Writer, c.Request)
}

// home serves the web app's home page when there is one, else a small page:
// counts, a question box and the map.
func (s *Server) home(c *gin.Context) {
	if s.ui != nil {
		s.ui.ServeHTTP(c.Writer, c.Request)
		return
	}
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	d := homeData{Nonce: hex.EncodeToString(b[:]), Locked: s.cfg.ReadTokensRequired}
	if !d.Locked {
		n, err := s.store.Stats(c.Request.Context())
		if err != nil {
			// The page still works without counts; the cause is logged.
			s.log.WarnContext(c.Request.Context(), "home page: stats failed",
				"request_id", c.GetString(requestIDKey), "err", err.Error())
			d.Err = "The store did not answer, so counts are not shown."
		}
		d.Counts = n
	}
	var buf bytes.Buffer
	if err := homePage.Execute(&buf, d); err != nil {
		s.fail(c, argmap.WrapInternal(err, "internal error"))
		return
	}
	c.Header("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+d.Nonce+"'; style-src 'nonce-"+d.Nonce+"'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	c.Data(http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
}
