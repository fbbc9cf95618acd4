package org

// Validate checks an area as SaveArea would, without saving it, so that an importer can report
// every problem of a file before writing anything.
func (a Area) Validate() error { return a.normalize() }

// Validate checks a unit's own fields as SaveUnit would (not its uniqueness).
func (u Unit) Validate() error { return u.normalize() }

// Validate checks a person's own fields as SavePerson would (not their uniqueness).
func (p Person) Validate() error { return p.normalize() }
