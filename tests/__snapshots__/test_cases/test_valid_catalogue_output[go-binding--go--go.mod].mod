// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.
module example.com/acme/errors-go

go 1.21
