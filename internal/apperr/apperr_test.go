package apperr_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"liankanping/internal/apperr"
)

func TestMessageOf(t *testing.T) {
	inner := apperr.Invalidf("第 3 行：分值超过满分")
	t.Run("OK", func(t *testing.T) {
		if got := apperr.MessageOf(inner); got != "第 3 行：分值超过满分" {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("PlainWrappingKeepsTheCodedMessage", func(t *testing.T) {
		if got := apperr.MessageOf(fmt.Errorf("import a.xlsx: %w", inner)); got != "第 3 行：分值超过满分" {
			t.Fatalf("got %q", got)
		}
	})
	t.Run("OutermostCodedErrorWins", func(t *testing.T) {
		outer := &apperr.Error{Code: apperr.Conflict, Message: "评分表 a.xlsx 不能导入"}
		err := fmt.Errorf("apply: %w", errors.Join(outer, inner))
		if got := apperr.MessageOf(err); got != outer.Message {
			t.Fatalf("got %q, want the outer message", got)
		}
	})
	t.Run("UncodedShowsNoRawText", func(t *testing.T) {
		raw := errors.New("sql: database is closed")
		got := apperr.MessageOf(fmt.Errorf("list units: %w", raw))
		if got != apperr.InternalMessage || strings.Contains(got, "sql") {
			t.Fatalf("got %q", got)
		}
		if !apperr.Uncoded(raw) || apperr.Uncoded(inner) || apperr.Uncoded(nil) {
			t.Fatal("Uncoded tells coded errors apart wrongly")
		}
		if apperr.CodeOf(raw) != apperr.Internal {
			t.Fatal("an uncoded error is internal")
		}
	})
}
