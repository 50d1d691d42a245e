module nianbao

go 1.26.0

require (
	codeberg.org/go-pdf/fpdf v0.12.0 // indirect
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/go-text/typesetting v0.3.5 // indirect
	golang.org/x/image v0.40.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
