package golang

import (
	"go/types"
	"sort"

	"golang.org/x/tools/go/packages"
)

// ifaceMethod is a changed method of an interface.
type ifaceMethod struct {
	iface *types.Interface
	name  string
	at    place
}

// implementations ties each changed method of a named type to the changed
// interface method it implements: a method added to an interface and to
// its implementations must land in the same part, or the prefix between
// them does not build.
func (r *resolver) implementations(pkgs []*packages.Package) {
	var methods []ifaceMethod
	for _, p := range pkgs {
		if p.TypesInfo == nil {
			continue
		}
		r.fset = p.Fset
		methods = append(methods, r.changedInterfaceMethods(p.TypesInfo)...)
	}
	if len(methods) == 0 {
		return
	}
	for _, p := range pkgs {
		if p.Types == nil {
			continue
		}
		r.fset = p.Fset
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || types.IsInterface(tn.Type()) {
				continue
			}
			r.implementing(tn.Type(), methods)
		}
	}
}

func (r *resolver) changedInterfaceMethods(info *types.Info) []ifaceMethod {
	var out []ifaceMethod
	for id, obj := range info.Defs {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		recv := fn.Type().(*types.Signature).Recv()
		if recv == nil {
			continue
		}
		iface, ok := recv.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		if at, ok := r.at(id.Pos()); ok && r.isChanged(at) {
			out = append(out, ifaceMethod{iface: iface, name: fn.Name(), at: at})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.path+out[i].name < out[j].at.path+out[j].name })
	return out
}

// implementing links t's changed methods to the changed interface methods
// t (or *t) implements.
func (r *resolver) implementing(t types.Type, methods []ifaceMethod) {
	ptr := types.NewPointer(t)
	for _, m := range methods {
		if !types.Implements(t, m.iface) && !types.Implements(ptr, m.iface) {
			continue
		}
		sel := types.NewMethodSet(ptr).Lookup(nil, m.name)
		if sel == nil {
			continue
		}
		if at, ok := r.at(sel.Obj().Pos()); ok {
			r.add(at, m.at, LinkImplements)
		}
	}
}
