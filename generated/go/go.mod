// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.
module github.com/qonversion/api-errors/go

go 1.21
