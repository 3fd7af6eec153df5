module mythosd

go 1.26.8

require (
	github.com/mattn/go-sqlite3 v1.14.53
	github.com/patrickmn/go-cache v2.1.0+incompatible
	golang.org/x/crypto v0.59.0
)

require golang.org/x/sys v0.50.0 // indirect
