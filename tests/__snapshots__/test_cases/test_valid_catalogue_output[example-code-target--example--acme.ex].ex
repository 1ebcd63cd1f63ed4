; Made from catalogue.yaml by error-bindings; edits are lost.
package acme

failure AcmeFailure
failure ResourceFailures extends AcmeFailure
failure InternalFailures extends AcmeFailure
failure NotFoundFailure extends ResourceFailures
  code "not_found"
  status "404"
  message "Not found"
failure StorageErrorFailure extends InternalFailures
  code "storage_error"
  status "5xx"
  message "Not saved"
