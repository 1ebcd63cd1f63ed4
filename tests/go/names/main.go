// Prints, as JSON, what tests/test_reserved_names.py asks of Go source files, found with
// go/parser: for each file, the names it declares at the top level and the identifiers it
// uses without declaring (across the files given, which are one package); the fields and
// methods of each type; and Go's own keywords (go/token) and predeclared names (what the
// builtin package of the toolchain's sources documents, the universe go/types declares).
package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
)

type report struct {
	Declared    map[string][]string `json:"declared"`
	Used        []string            `json:"used"`
	Members     map[string][]string `json:"members"`
	Keywords    []string            `json:"keywords"`
	Predeclared []string            `json:"predeclared"`
}

func sorted(set map[string]bool) []string {
	list := []string{}
	for name := range set {
		list = append(list, name)
	}
	sort.Strings(list)
	return list
}

func main() {
	files := token.NewFileSet()
	found := report{Declared: map[string][]string{}, Members: map[string][]string{}}
	declared := map[string]bool{}
	used := map[string]bool{}
	members := map[string]map[string]bool{}
	member := func(owner, name string) {
		if members[owner] == nil {
			members[owner] = map[string]bool{}
		}
		members[owner][name] = true
	}
	for _, path := range os.Args[1:] {
		file, err := parser.ParseFile(files, path, nil, parser.SkipObjectResolution)
		if err != nil {
			panic(err)
		}
		names := map[string]bool{}
		for _, imported := range file.Imports {
			name := imported.Path.Value
			if imported.Name != nil {
				name = imported.Name.Name
			} else {
				path := name[1 : len(name)-1]
				for index := len(path) - 1; index >= 0; index-- {
					if path[index] == '/' {
						path = path[index+1:]
						break
					}
				}
				name = path
			}
			declared[name] = true
		}
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					names[decl.Name.Name] = true
					continue
				}
				receiver := decl.Recv.List[0].Type
				if star, isStar := receiver.(*ast.StarExpr); isStar {
					receiver = star.X
				}
				if ident, isIdent := receiver.(*ast.Ident); isIdent {
					member(ident.Name, decl.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					switch spec := spec.(type) {
					case *ast.TypeSpec:
						names[spec.Name.Name] = true
						if structure, isStruct := spec.Type.(*ast.StructType); isStruct {
							for _, field := range structure.Fields.List {
								for _, name := range field.Names {
									member(spec.Name.Name, name.Name)
								}
							}
						}
					case *ast.ValueSpec:
						for _, name := range spec.Names {
							names[name.Name] = true
						}
					}
				}
			}
		}
		found.Declared[path] = sorted(names)
		for name := range names {
			declared[name] = true
		}
		// Every identifier but a selected member, a struct field's key, a method's own name
		// or a declared local.
		locals := map[string]bool{}
		var visit func(ast.Node) bool
		visit = func(node ast.Node) bool {
			switch node := node.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(node.X, visit)
				return false
			case *ast.KeyValueExpr:
				if _, isIdent := node.Key.(*ast.Ident); isIdent {
					ast.Inspect(node.Value, visit)
					return false
				}
			case *ast.FuncDecl:
				for _, part := range []ast.Node{node.Recv, node.Type, node.Body} {
					if part != nil && !reflect.ValueOf(part).IsNil() {
						ast.Inspect(part, visit)
					}
				}
				return false
			case *ast.Field:
				for _, name := range node.Names {
					locals[name.Name] = true
				}
			case *ast.AssignStmt:
				if node.Tok == token.DEFINE {
					for _, left := range node.Lhs {
						if ident, isIdent := left.(*ast.Ident); isIdent {
							locals[ident.Name] = true
						}
					}
				}
			case *ast.ValueSpec:
				for _, name := range node.Names {
					locals[name.Name] = true
				}
			case *ast.RangeStmt:
				for _, part := range []ast.Expr{node.Key, node.Value} {
					if ident, isIdent := part.(*ast.Ident); isIdent {
						locals[ident.Name] = true
					}
				}
			case *ast.TypeSwitchStmt:
				if assign, isAssign := node.Assign.(*ast.AssignStmt); isAssign {
					for _, left := range assign.Lhs {
						locals[left.(*ast.Ident).Name] = true
					}
				}
			case *ast.Ident:
				used[node.Name] = true
			}
			return true
		}
		for _, decl := range file.Decls {
			ast.Inspect(decl, visit)
		}
		for name := range locals {
			declared[name] = true
		}
	}
	for name := range used {
		if !declared[name] && name != "_" {
			found.Used = append(found.Used, name)
		}
	}
	sort.Strings(found.Used)
	for owner, names := range members {
		found.Members[owner] = sorted(names)
	}
	for tok := token.Token(0); tok < token.TILDE+1; tok++ {
		if tok.IsKeyword() {
			found.Keywords = append(found.Keywords, tok.String())
		}
	}
	builtin, err := parser.ParseFile(files, filepath.Join(runtime.GOROOT(), "src", "builtin", "builtin.go"), nil, 0)
	if err != nil {
		panic(err)
	}
	for name := range builtin.Scope.Objects {
		// Its exported names (Type, IntegerType, ...) only stand for types in its docs.
		if first := name[:1]; first == strings.ToLower(first) {
			found.Predeclared = append(found.Predeclared, name)
		}
	}
	sort.Strings(found.Predeclared)
	output, err := json.Marshal(found)
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(output)
}
