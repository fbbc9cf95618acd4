// Package version names this build; the Makefile sets the values with -ldflags.
package version

// Version is the release version, e.g. 0.1.0.
var Version = "0.1.0-dev"

// BuildDate is when the binary was built, in ISO form.
var BuildDate = "unknown"
