module example.com/svc

go 1.22

toolchain go1.22.4

require (
	go.mongodb.org/mongo-driver v1.15.0
	github.com/stretchr/testify v1.9.0 // indirect
)

require golang.org/x/text v0.14.0

replace example.com/local => ../local
