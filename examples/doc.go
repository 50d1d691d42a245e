// Package examples holds the example report files (*.toml) of docs/format.md. It has no code: its tests
// load every example with the report loader, run every check on it and verify what each example is
// meant to demonstrate.
package examples
