using FederatedGateway.Grpc.Descriptors;
using Google.Protobuf.Reflection;

namespace FederatedGateway.Grpc.Tests;

/// <summary>
/// Linking files by the names they use, as reflection servers without dependency lists need: relative and
/// absolute names, files named otherwise than their importers say, and the well-known types supplied.
/// </summary>
public sealed class ProtoFileLinkerTests
{
    [Fact]
    public void Files_without_dependency_lists_get_the_files_their_names_need()
    {
        var linker = new ProtoFileLinker();
        linker.Add(Service("ledger.proto", dependencies: []));
        linker.Add(Money("common_merged.proto"));

        Assert.Empty(linker.Unresolved());
        var files = ProtoFiles.FromSerialized(linker.Link(["ledger.v1.Ledger"]), "test");

        var ledger = files.Files.Single(f => f.Name == "ledger.proto");
        Assert.Equal(["common_merged.proto", "google/protobuf/timestamp.proto"], ledger.Dependencies.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal("common.v1.Money", ledger.FindTypeByName<MessageDescriptor>("Account").FindFieldByName("balance").MessageType.FullName);
    }

    [Fact]
    public void An_import_no_file_answers_is_dropped_when_its_names_are_declared_elsewhere()
    {
        var linker = new ProtoFileLinker();
        linker.Add(Service("ledger.proto", dependencies: ["common/v1/money.proto"]));
        linker.Add(Money("common_merged.proto"));

        Assert.Equal(["common/v1/money.proto"], linker.MissingImports());
        var files = ProtoFiles.FromSerialized(linker.Link(["ledger.v1.Ledger"]), "test");

        Assert.DoesNotContain(files.Files, f => f.Name == "common/v1/money.proto");
        Assert.Contains(files.Files.Single(f => f.Name == "ledger.proto").Dependencies, d => d.Name == "common_merged.proto");
    }

    [Fact]
    public void A_name_no_file_declares_is_unresolved_with_its_meanings_innermost_first()
    {
        var linker = new ProtoFileLinker();
        linker.Add(Service("ledger.proto", dependencies: []));

        var unresolved = Assert.Single(linker.Unresolved());
        Assert.Equal(
            ["ledger.v1.Account.common.v1.Money", "ledger.v1.common.v1.Money", "ledger.common.v1.Money", "common.v1.Money"],
            ProtoSymbols.Candidates(unresolved));
    }

    /// <summary>ledger.v1: Account { common.v1.Money balance; .google.protobuf.Timestamp opened_at; Status status (relative) } and a Ledger service.</summary>
    private static FileDescriptorProto Service(string name, string[] dependencies)
    {
        var account = new DescriptorProto { Name = "Account" };
        account.Field.Add(new FieldDescriptorProto { Name = "balance", Number = 1, Type = FieldDescriptorProto.Types.Type.Message, TypeName = "common.v1.Money", Label = FieldDescriptorProto.Types.Label.Optional });
        account.Field.Add(new FieldDescriptorProto { Name = "opened_at", Number = 2, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".google.protobuf.Timestamp", Label = FieldDescriptorProto.Types.Label.Optional });
        account.Field.Add(new FieldDescriptorProto { Name = "status", Number = 3, Type = FieldDescriptorProto.Types.Type.Enum, TypeName = "Status", Label = FieldDescriptorProto.Types.Label.Optional });
        var status = new EnumDescriptorProto { Name = "Status" };
        status.Value.Add(new EnumValueDescriptorProto { Name = "STATUS_UNSPECIFIED", Number = 0 });
        var service = new ServiceDescriptorProto { Name = "Ledger" };
        service.Method.Add(new MethodDescriptorProto { Name = "GetAccount", InputType = "Account", OutputType = "ledger.v1.Account" });
        var file = new FileDescriptorProto { Name = name, Package = "ledger.v1", Syntax = "proto3" };
        file.Dependency.AddRange(dependencies);
        file.PublicDependency.AddRange(Enumerable.Range(0, dependencies.Length));
        file.MessageType.Add(account);
        file.EnumType.Add(status);
        file.Service.Add(service);
        return file;
    }

    private static FileDescriptorProto Money(string name)
    {
        var file = new FileDescriptorProto { Name = name, Package = "common.v1", Syntax = "proto3" };
        file.MessageType.Add(new DescriptorProto { Name = "Money" });
        return file;
    }
}
