// Package apperr defines the few kinds of error the product distinguishes, each carrying a
// message in plain Chinese for the person at the window or the command line.
package apperr

import (
	"errors"
	"fmt"
)

// Code is the kind of an error; the window and the command line map it once, at their edge.
type Code string

// The error kinds. Invalid is bad input, NotFound a missing object, Conflict a clash with what
// is stored (a duplicate name, a reference that forbids deleting), Internal anything unexpected.
const (
	Invalid  Code = "invalid"
	NotFound Code = "not_found"
	Conflict Code = "conflict"
	Internal Code = "internal"
)

// Error is an error with a kind and a user-facing message.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// New returns an error of the given kind with a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalidf reports bad input.
func Invalidf(format string, args ...any) error { return New(Invalid, format, args...) }

// NotFoundf reports a missing object.
func NotFoundf(format string, args ...any) error { return New(NotFound, format, args...) }

// Conflictf reports a clash with stored data.
func Conflictf(format string, args ...any) error { return New(Conflict, format, args...) }

// CodeOf returns the kind of err, Internal for errors that carry none, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// InternalMessage is what a person is told of an error that carries no code: its text (a
// driver's or the system's, in English, with paths) is for the log, never for the window.
const InternalMessage = "程序内部出错，操作没有完成（详情见日志）。"

// MessageOf returns the user-facing message of err: the message of the outermost coded error
// in its chain — a caller that codes an error again (apperr.Invalidf("备份文件不能使用：%s",
// MessageOf(err))) has worded it for the user with more context than the error it wraps, while
// plain fmt.Errorf wrapping leaves the coded message below it as it is — or InternalMessage for
// an error that carries no code (the edges log those: Uncoded).
func MessageOf(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return InternalMessage
}

// Uncoded tells whether err carries no coded error: an unexpected failure that the window and
// the command line log with its text, showing only InternalMessage.
func Uncoded(err error) bool {
	var e *Error
	return err != nil && !errors.As(err, &e)
}
