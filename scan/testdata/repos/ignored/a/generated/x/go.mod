module x

go 1.1
