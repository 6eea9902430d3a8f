using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Descriptors;

/// <summary>
/// The names a <c>FileDescriptorProto</c> declares (messages, enums, services, nested ones included) and the type
/// names it uses (fields, extensions, method input and output), with the protobuf scoping rule that turns a relative
/// name into the full names it may mean, innermost scope first.
/// </summary>
internal static class ProtoSymbols
{
    /// <summary>A type name as written in a file, and the full name of the scope it was written in.</summary>
    public readonly record struct Reference(string Name, string Scope);

    public static IEnumerable<string> Declared(FileDescriptorProto file)
    {
        var prefix = Prefix(file.Package);
        foreach (var message in file.MessageType)
        {
            foreach (var name in Declared(message, prefix))
            {
                yield return name;
            }
        }

        foreach (var item in file.EnumType)
        {
            yield return prefix + item.Name;
        }

        foreach (var service in file.Service)
        {
            yield return prefix + service.Name;
        }
    }

    public static IEnumerable<Reference> Referenced(FileDescriptorProto file)
    {
        var package = file.Package ?? "";
        foreach (var message in file.MessageType)
        {
            foreach (var reference in Referenced(message, Prefix(package)))
            {
                yield return reference;
            }
        }

        foreach (var extension in file.Extension)
        {
            foreach (var reference in Referenced(extension, package))
            {
                yield return reference;
            }
        }

        foreach (var service in file.Service)
        {
            var scope = Prefix(package) + service.Name;
            foreach (var method in service.Method)
            {
                yield return new Reference(method.InputType, scope);
                yield return new Reference(method.OutputType, scope);
            }
        }
    }

    /// <summary>The full names <paramref name="name"/> may mean where it was written, innermost scope first.</summary>
    public static IEnumerable<string> Candidates(Reference reference)
    {
        if (reference.Name.StartsWith('.'))
        {
            yield return reference.Name[1..];
            yield break;
        }

        var scope = reference.Scope;
        while (scope.Length > 0)
        {
            yield return scope + "." + reference.Name;
            var dot = scope.LastIndexOf('.');
            scope = dot < 0 ? "" : scope[..dot];
        }

        yield return reference.Name;
    }

    private static string Prefix(string? package) => string.IsNullOrEmpty(package) ? "" : package + ".";

    private static IEnumerable<string> Declared(DescriptorProto message, string prefix)
    {
        var fullName = prefix + message.Name;
        yield return fullName;
        foreach (var nested in message.NestedType)
        {
            foreach (var name in Declared(nested, fullName + "."))
            {
                yield return name;
            }
        }

        foreach (var item in message.EnumType)
        {
            yield return fullName + "." + item.Name;
        }
    }

    private static IEnumerable<Reference> Referenced(DescriptorProto message, string prefix)
    {
        var scope = prefix + message.Name;
        foreach (var field in message.Field.Concat(message.Extension))
        {
            foreach (var reference in Referenced(field, scope))
            {
                yield return reference;
            }
        }

        foreach (var nested in message.NestedType)
        {
            foreach (var reference in Referenced(nested, scope + "."))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<Reference> Referenced(FieldDescriptorProto field, string scope)
    {
        if (!string.IsNullOrEmpty(field.TypeName))
        {
            yield return new Reference(field.TypeName, scope);
        }

        if (!string.IsNullOrEmpty(field.Extendee))
        {
            yield return new Reference(field.Extendee, scope);
        }
    }
}
