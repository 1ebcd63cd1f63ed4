// Code generated from catalogue.yaml by error-bindings. DO NOT EDIT.
module acmeerrors

go 1.21
