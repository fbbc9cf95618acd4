package workbook

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// xmlScan is a small tokenizer of the XML that office suites write, for the sheet reader of
// returned rater workbooks (sheetscan.go): it reads a part in memory without allocating per
// token, and it is at least as strict as encoding/xml's strict decoder, which excelize's own
// row reader is built on — whatever encoding/xml refuses, xmlScan refuses too, and it refuses
// more: a DOCTYPE or any other declaration (so no entity can be declared), processing
// instructions other than the XML declaration, a declared encoding other than UTF-8, element
// and attribute names outside ASCII, names with a stray colon, and nesting deeper than
// maxXMLDepth. Text and attribute values are decoded as encoding/xml decodes them: the five
// predefined entities, character references, CR LF and lone CR as LF.
type xmlScan struct {
	b   []byte
	i   int
	err error
	// stack holds the open elements' qualified names as offsets into b.
	stack [][2]int32
	// pendEnd: the last start tag was self-closing; its end is the next token.
	pendEnd bool

	// The current token: a start tag's qualified name, local name, attributes and whether it
	// closes itself; an end tag's local name; a text's decoded bytes (which may alias b).
	local []byte
	attrs []xmlAttr
	text  []byte
	buf   []byte
}

// xmlAttr is one attribute of a start tag: its local name (after any prefix, as encoding/xml
// names it) and its decoded value.
type xmlAttr struct {
	local, value []byte
}

const (
	tokErr = iota
	tokEOF
	tokStart
	tokEnd
	tokText
)

// maxXMLDepth bounds the nesting of elements; a sheet nests six deep.
const maxXMLDepth = 256

func newXMLScan(b []byte) *xmlScan { return &xmlScan{b: b} }

func (s *xmlScan) fail(format string, args ...any) int {
	if s.err == nil {
		s.err = fmt.Errorf("xml: offset %d: %s", s.i, fmt.Sprintf(format, args...))
	}
	return tokErr
}

// next reads the next token: a start tag, an end tag (also for a self-closing tag), a text
// (character data or a CDATA section), the end of the part, or an error. Comments and the XML
// declaration are passed over.
func (s *xmlScan) next() int {
	if s.err != nil {
		return tokErr
	}
	if s.pendEnd {
		s.pendEnd = false
		top := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.local = localName(s.b[top[0]:top[1]])
		return tokEnd
	}
	for {
		if s.i >= len(s.b) {
			if len(s.stack) > 0 {
				return s.fail("unexpected EOF")
			}
			return tokEOF
		}
		if s.b[s.i] != '<' {
			return s.readText()
		}
		if s.i+1 >= len(s.b) {
			return s.fail("unexpected EOF")
		}
		switch s.b[s.i+1] {
		case '/':
			return s.readEnd()
		case '?':
			if s.readDecl() == tokErr {
				return tokErr
			}
		case '!':
			rest := s.b[s.i+2:]
			switch {
			case bytes.HasPrefix(rest, []byte("--")):
				end := bytes.Index(rest[2:], []byte("--"))
				if end < 0 {
					return s.fail("unexpected EOF in comment")
				}
				at := s.i + 4 + end
				if at+2 >= len(s.b) || s.b[at+2] != '>' {
					return s.fail(`invalid sequence "--" not allowed in comments`)
				}
				s.i = at + 3
			case bytes.HasPrefix(rest, []byte("[CDATA[")):
				return s.readCDATA()
			default:
				return s.fail("declarations (DOCTYPE, ENTITY) are not accepted")
			}
		default:
			return s.readStart()
		}
	}
}

// isNameStart and isNameByte are the ASCII part of XML's name characters.
func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// readName reads an ASCII name at s.i with at most one colon, inside it.
func (s *xmlScan) readName() ([]byte, bool) {
	start := s.i
	if s.i >= len(s.b) || !isNameStart(s.b[s.i]) {
		return nil, false
	}
	colons := 0
	for s.i < len(s.b) && isNameByte(s.b[s.i]) {
		if s.b[s.i] == ':' {
			colons++
		}
		s.i++
	}
	name := s.b[start:s.i]
	if s.i < len(s.b) && s.b[s.i] >= utf8.RuneSelf || colons > 1 ||
		colons == 1 && (name[0] == ':' || name[len(name)-1] == ':') {
		return nil, false
	}
	return name, true
}

func localName(q []byte) []byte {
	if i := bytes.IndexByte(q, ':'); i >= 0 {
		return q[i+1:]
	}
	return q
}

func (s *xmlScan) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *xmlScan) readStart() int {
	s.i++ // <
	nameAt := s.i
	name, ok := s.readName()
	if !ok {
		return s.fail("expected element name after <")
	}
	if len(s.stack) >= maxXMLDepth {
		return s.fail("elements nested too deep")
	}
	s.stack = append(s.stack, [2]int32{int32(nameAt), int32(nameAt + len(name))})
	s.local = localName(name)
	s.attrs = s.attrs[:0]
	s.buf = s.buf[:0]
	for {
		s.space()
		if s.i >= len(s.b) {
			return s.fail("unexpected EOF")
		}
		switch s.b[s.i] {
		case '/':
			if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
				return s.fail("expected /> in element")
			}
			s.i += 2
			s.pendEnd = true
			return tokStart
		case '>':
			s.i++
			return tokStart
		}
		an, ok := s.readName()
		if !ok {
			return s.fail("expected attribute name in element")
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return s.fail("attribute name without = in element")
		}
		s.i++
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '"' && s.b[s.i] != '\'' {
			return s.fail("unquoted or missing attribute value in element")
		}
		q := s.b[s.i]
		s.i++
		v, ok := s.decode(q)
		if !ok {
			return tokErr
		}
		s.attrs = append(s.attrs, xmlAttr{local: localName(an), value: v})
	}
}

func (s *xmlScan) readEnd() int {
	s.i += 2 // </
	name, ok := s.readName()
	if !ok {
		return s.fail("expected element name after </")
	}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '>' {
		return s.fail("invalid characters between </%s and >", name)
	}
	s.i++
	if len(s.stack) == 0 {
		return s.fail("unexpected end element </%s>", name)
	}
	top := s.stack[len(s.stack)-1]
	if !bytes.Equal(s.b[top[0]:top[1]], name) {
		return s.fail("element <%s> closed by </%s>", s.b[top[0]:top[1]], name)
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.local = localName(name)
	return tokEnd
}

// readDecl reads the XML declaration: version 1.0, UTF-8 if an encoding is named. Any other
// processing instruction is refused.
func (s *xmlScan) readDecl() int {
	s.i += 2 // <?
	target, ok := s.readName()
	if !ok || string(target) != "xml" {
		return s.fail("processing instructions are not accepted")
	}
	end := bytes.Index(s.b[s.i:], []byte("?>"))
	if end < 0 {
		return s.fail("unexpected EOF in the XML declaration")
	}
	body := string(s.b[s.i : s.i+end])
	s.i += end + 2
	for _, f := range strings.Fields(body) {
		k, v, ok := strings.Cut(f, "=")
		if !ok || len(v) < 2 || v[0] != v[len(v)-1] || v[0] != '"' && v[0] != '\'' {
			return s.fail("XML declaration not understood")
		}
		v = v[1 : len(v)-1]
		switch k {
		case "version":
			ok = v == "1.0"
		case "encoding":
			ok = strings.EqualFold(v, "utf-8")
		case "standalone":
			ok = v == "yes" || v == "no"
		default:
			ok = false
		}
		if !ok {
			return s.fail("XML declaration %s=%q not accepted", k, v)
		}
	}
	return tokStart // not a token: the caller goes on
}

func (s *xmlScan) readText() int {
	v, ok := s.decode(0)
	if !ok {
		return tokErr
	}
	s.text = v
	return tokText
}

func (s *xmlScan) readCDATA() int {
	start := s.i + len("<![CDATA[")
	end := bytes.Index(s.b[start:], []byte("]]>"))
	if end < 0 {
		return s.fail("unexpected EOF in CDATA section")
	}
	raw := s.b[start : start+end]
	s.i = start + end + 3
	if bytes.IndexByte(raw, '\r') >= 0 {
		out := make([]byte, 0, len(raw))
		for j := 0; j < len(raw); j++ {
			switch {
			case raw[j] == '\r':
				out = append(out, '\n')
			case raw[j] == '\n' && j > 0 && raw[j-1] == '\r':
			default:
				out = append(out, raw[j])
			}
		}
		raw = out
	}
	if !s.checkChars(raw) {
		return tokErr
	}
	s.text = raw
	return tokText
}

// decode reads character data from s.i, as encoding/xml's text does: up to '<' (quote 0) or
// the closing quote (an attribute value), expanding references and rewriting CR LF and lone
// CR as LF; ]]> is an error in text, < in an attribute value. The result aliases the input when
// nothing had to be rewritten, and the characters are checked as XML characters.
func (s *xmlScan) decode(quote byte) ([]byte, bool) {
	start := s.i
	end := -1
	plain := true
	for j := start; j < len(s.b); j++ {
		c := s.b[j]
		if quote != 0 && c == quote {
			end = j
			break
		}
		switch c {
		case '<':
			if quote != 0 {
				s.i = j
				s.fail("unescaped < inside quoted string")
				return nil, false
			}
			end = j
		case '>':
			if quote == 0 && j-start >= 2 && s.b[j-1] == ']' && s.b[j-2] == ']' {
				s.i = j
				s.fail("unescaped ]]> not in CDATA section")
				return nil, false
			}
		case '&', '\r':
			plain = false
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		if quote != 0 {
			s.i = len(s.b)
			s.fail("unexpected EOF")
			return nil, false
		}
		end = len(s.b)
	}
	raw := s.b[start:end]
	s.i = end
	if quote != 0 {
		s.i++
	}
	if plain {
		if !s.checkChars(raw) {
			return nil, false
		}
		return raw, true
	}
	out := make([]byte, 0, len(raw))
	var prev byte // the previous raw byte, 0 after a reference
	for j := 0; j < len(raw); j++ {
		c := raw[j]
		switch {
		case c == '&':
			n, text, ok := reference(raw[j:])
			if !ok {
				s.i = start + j
				s.fail("invalid character entity %.12q", raw[j:])
				return nil, false
			}
			out = append(out, text...)
			j += n - 1
			prev = 0
			continue
		case c == '\r':
			out = append(out, '\n')
		case c == '\n' && prev == '\r':
		default:
			out = append(out, c)
		}
		prev = c
	}
	if !s.checkChars(out) {
		return nil, false
	}
	return out, true
}

// reference reads the entity or character reference at the start of b (which begins with
// '&'): its length and its text.
func reference(b []byte) (int, string, bool) {
	semi := bytes.IndexByte(b, ';')
	if semi < 2 {
		return 0, "", false
	}
	name := string(b[1:semi])
	switch name {
	case "lt":
		return semi + 1, "<", true
	case "gt":
		return semi + 1, ">", true
	case "amp":
		return semi + 1, "&", true
	case "apos":
		return semi + 1, "'", true
	case "quot":
		return semi + 1, `"`, true
	}
	if name[0] != '#' {
		return 0, "", false
	}
	digits, base := name[1:], 10
	if strings.HasPrefix(digits, "x") {
		digits, base = digits[1:], 16
	}
	if digits == "" || len(digits) > 16 {
		return 0, "", false
	}
	var n uint64
	for i := 0; i < len(digits); i++ {
		c := digits[i]
		var d uint64
		switch {
		case '0' <= c && c <= '9':
			d = uint64(c - '0')
		case base == 16 && 'a' <= c && c <= 'f':
			d = uint64(c-'a') + 10
		case base == 16 && 'A' <= c && c <= 'F':
			d = uint64(c-'A') + 10
		default:
			return 0, "", false
		}
		n = n*uint64(base) + d
		if n > utf8.MaxRune {
			return 0, "", false
		}
	}
	return semi + 1, string(rune(n)), true
}

// checkChars tells whether b is UTF-8 made of XML characters.
func (s *xmlScan) checkChars(b []byte) bool {
	for j := 0; j < len(b); {
		c := b[j]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				s.fail("illegal character code %U", rune(c))
				return false
			}
			j++
			continue
		}
		r, size := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && size == 1 {
			s.fail("invalid UTF-8")
			return false
		}
		if r == 0xFFFE || r == 0xFFFF {
			s.fail("illegal character code %U", r)
			return false
		}
		j += size
	}
	return true
}

// skip passes over the rest of the element whose start tag was just read.
func (s *xmlScan) skip() bool {
	for depth := 1; depth > 0; {
		switch s.next() {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokErr, tokEOF:
			return false
		}
	}
	return true
}
