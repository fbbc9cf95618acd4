//go:build bridge

package app

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"liankanping/internal/apperr"
)

// The loopback HTTP bridge serves the embedded frontend to a plain browser and answers the same
// bound methods over POST, so that end-to-end tests run in headless Chromium with no display.
// It is compiled only with the "bridge" build tag, never into a release build, listens only on
// 127.0.0.1, and answers calls only with the random token it printed at launch.

// Bridge is a running bridge.
type Bridge struct {
	URL     string
	Token   string
	Dialogs *ScriptedDialogs
	srv     *http.Server
	ln      net.Listener
}

// ScriptedDialogs answers file dialogs with what a test queued, in order; an empty queue is a
// cancelled dialog.
type ScriptedDialogs struct {
	mu      sync.Mutex
	answers [][]string
}

func (d *ScriptedDialogs) next() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.answers) == 0 {
		return nil
	}
	a := d.answers[0]
	d.answers = d.answers[1:]
	return a
}

// Queue adds the answer of the next dialog.
func (d *ScriptedDialogs) Queue(paths []string) {
	d.mu.Lock()
	d.answers = append(d.answers, paths)
	d.mu.Unlock()
}

func first(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return p[0]
}

// OpenFile answers with the first queued path.
func (d *ScriptedDialogs) OpenFile(string, []FileFilter) (string, error) { return first(d.next()), nil }

// OpenFiles answers with the queued paths.
func (d *ScriptedDialogs) OpenFiles(string, []FileFilter) ([]string, error) { return d.next(), nil }

// OpenDirectory answers with the first queued path.
func (d *ScriptedDialogs) OpenDirectory(string) (string, error) { return first(d.next()), nil }

// SaveFile answers with the first queued path.
func (d *ScriptedDialogs) SaveFile(string, string, []FileFilter) (string, error) {
	return first(d.next()), nil
}

// StartBridge serves assets and the bound methods of Bindings(c) on a random loopback port.
func StartBridge(c *Core, assets fs.FS) (*Bridge, error) {
	tok := make([]byte, 16)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	b := &Bridge{Token: hex.EncodeToString(tok), Dialogs: &ScriptedDialogs{}}
	c.Dialogs = b.Dialogs
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b.ln = ln
	b.URL = "http://" + ln.Addr().String() + "/"
	targets := map[string]reflect.Value{}
	methods := map[string][]string{}
	for _, bound := range Bindings(c) {
		v := reflect.ValueOf(bound)
		name := v.Elem().Type().Name()
		targets[name] = v
		for i := 0; i < v.NumMethod(); i++ {
			methods[name] = append(methods[name], v.Type().Method(i).Name)
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/__bridge.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		m, _ := json.Marshal(methods)
		fmt.Fprintf(w, bridgeJS, m)
	})
	mux.HandleFunc("/__call/", func(w http.ResponseWriter, r *http.Request) {
		if !b.authorised(w, r) {
			return
		}
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/__call/"), "/")
		if len(parts) != 2 {
			http.Error(w, "bad call", http.StatusNotFound)
			return
		}
		target, ok := targets[parts[0]]
		if !ok {
			http.Error(w, "no such facade", http.StatusNotFound)
			return
		}
		m := target.MethodByName(parts[1])
		if !m.IsValid() {
			http.Error(w, "no such method", http.StatusNotFound)
			return
		}
		body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<20))
		out, err := invoke(m, body)
		if err != nil {
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(out)
	})
	mux.HandleFunc("/__test/dialog", func(w http.ResponseWriter, r *http.Request) {
		if !b.authorised(w, r) {
			return
		}
		var paths []string
		if err := json.NewDecoder(r.Body).Decode(&paths); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		b.Dialogs.Queue(paths)
	})
	files := http.FileServer(http.FS(assets))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/index.html" {
			files.ServeHTTP(w, r)
			return
		}
		index, err := fs.ReadFile(assets, "index.html")
		if err != nil {
			http.Error(w, "frontend not built", http.StatusInternalServerError)
			return
		}
		index = bytes.Replace(index, []byte("<head>"), []byte(`<head><script src="/__bridge.js"></script>`), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(index)
	})
	b.srv = &http.Server{Handler: mux}
	go b.srv.Serve(ln)
	return b, nil
}

func (b *Bridge) authorised(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodPost || r.Header.Get("X-Bridge-Token") != b.Token {
		http.Error(w, "forbidden", http.StatusForbidden)
		return false
	}
	return true
}

// Close stops the bridge.
func (b *Bridge) Close() error { return b.srv.Close() }

// invoke decodes a JSON array of arguments into m's parameters, calls it, and encodes its first
// result; a non-nil error result is returned as the error.
func invoke(m reflect.Value, body []byte) ([]byte, error) {
	var raw []json.RawMessage
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &raw); err != nil {
			return nil, mapError(apperr.Invalidf("参数格式错误：%v", err))
		}
	}
	t := m.Type()
	if len(raw) != t.NumIn() {
		return nil, mapError(apperr.Invalidf("参数个数不对：需要 %d 个，收到 %d 个", t.NumIn(), len(raw)))
	}
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, mapError(apperr.Invalidf("第 %d 个参数格式错误：%v", i+1, err))
		}
		args[i] = p.Elem()
	}
	res := m.Call(args)
	if n := len(res); n > 0 && t.Out(n-1) == reflect.TypeFor[error]() {
		if err, _ := res[n-1].Interface().(error); err != nil {
			return nil, err
		}
		res = res[:n-1]
	}
	if len(res) == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(res[0].Interface())
}

// bridgeJS builds window.go and a minimal window.runtime, as the Wails webview would, so that
// the generated wailsjs code runs unchanged in a plain browser.
const bridgeJS = `(function () {
  var methods = %s;
  var params = new URLSearchParams(location.search);
  if (params.get('token')) sessionStorage.setItem('bridgeToken', params.get('token'));
  var token = sessionStorage.getItem('bridgeToken') || '';
  function call(facade, method, args) {
    return fetch('/__call/' + facade + '/' + method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token },
      body: JSON.stringify(args),
    }).then(function (r) {
      return r.text().then(function (t) {
        if (!r.ok) throw t;
        return t ? JSON.parse(t) : null;
      });
    });
  }
  var app = {};
  Object.keys(methods).forEach(function (facade) {
    app[facade] = {};
    methods[facade].forEach(function (m) {
      app[facade][m] = function () { return call(facade, m, Array.prototype.slice.call(arguments)); };
    });
  });
  window.go = { app: app };
  var listeners = {};
  window.runtime = {
    EventsOnMultiple: function (name, cb, max) {
      (listeners[name] = listeners[name] || []).push(cb);
      return function () { listeners[name] = (listeners[name] || []).filter(function (x) { return x !== cb; }); };
    },
    EventsOff: function (name) { delete listeners[name]; },
    EventsOffAll: function () { listeners = {}; },
    EventsEmit: function (name) {
      var args = Array.prototype.slice.call(arguments, 1);
      (listeners[name] || []).forEach(function (cb) { cb.apply(null, args); });
    },
    LogPrint: function () {}, LogTrace: function () {}, LogDebug: function () {}, LogInfo: function () {},
    LogWarning: function () {}, LogError: function () {}, LogFatal: function () {},
    WindowSetTitle: function (t) { document.title = t; },
    BrowserOpenURL: function () {},
    Environment: function () { return Promise.resolve({ buildType: 'bridge', platform: 'linux', arch: 'amd64' }); },
  };
})();
`
