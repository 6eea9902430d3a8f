using FederatedGateway.Grpc.Tests.Infrastructure;
using FederatedGateway.Grpc.Tests.Kitchen;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FederatedGateway.Grpc.Tests.Services;

/// <summary>Answers with one fully populated <see cref="Item"/>; echoes what it was sent.</summary>
public sealed class KitchenService(CallLog calls) : Kitchen.Kitchen.KitchenBase
{
    public static Item Sample(string id)
    {
        var item = new Item
        {
            Id = id,
            Count = 3,
            Big = 9007199254740993,
            Ubig = ulong.MaxValue,
            Price = 12.5,
            Ratio = 0.25f,
            Active = true,
            Blob = ByteString.CopyFromUtf8("hi"),
            Color = Color.Green,
            CreatedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddMilliseconds(120)),
            Ttl = Duration.FromTimeSpan(TimeSpan.FromSeconds(1.5)),
            Nickname = "nick",
            Attributes = Struct.Parser.ParseJson("{\"a\":1,\"b\":[true,null,\"x\"]}"),
            Anything = Value.ForString("any"),
            List = ListValue.Parser.ParseJson("[1,\"two\"]"),
            Extra = Any.Pack(new Part { Name = "packed" }),
            Mask = FieldMask.FromString("id,count"),
            Maybe = 7,
            Gadget = new Gadget { Size = 42 },
            MainPart = new Part { Name = "main" },
            Delta = -5,
            F32 = 4000000000,
            Inner = new Item.Types.Inner { Value = "in" },
            Marker = new Empty(),
            Mood = Mood.Angry,
            RenamedField = "renamed",
        };
        item.Tags.Add(["t1", "t2"]);
        item.Scores.Add([1, 2, 3]);
        item.Limits.Add("daily", 10);
        item.Parts.Add("left", new Part { Name = "L" });
        item.PartList.Add(new Part { Name = "p1" });
        return item;
    }

    public override Task<Item> GetItem(GetItemRequest request, ServerCallContext context)
    {
        calls.Record("GetItem", request.Id);
        foreach (var header in context.RequestHeaders)
        {
            calls.LastHeaders[header.Key] = header.Value;
        }

        return Task.FromResult(request.Id == "empty" ? new Item { Id = "empty" } : Sample(request.Id));
    }

    public override Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context)
    {
        calls.Record("ListItems", request.ToString());
        var response = new ListItemsResponse();
        foreach (var color in request.Colors)
        {
            response.Items.Add(new Item { Id = color.ToString(), Color = color, Note = request.FilterCase.ToString() });
        }

        return Task.FromResult(response);
    }

    public override Task<Item> SaveItem(SaveItemRequest request, ServerCallContext context)
    {
        calls.Record("SaveItem", request.Item?.ToString() ?? "");
        return Task.FromResult(request.Item ?? new Item());
    }

    public override Task<Empty> Ping(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<Empty> Touch(GetItemRequest request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<Item> Compute(GetItemRequest request, ServerCallContext context) => Task.FromResult(new Item { Id = "computed-" + request.Id });

    public override async Task WatchItems(GetItemRequest request, IServerStreamWriter<Item> responseStream, ServerCallContext context)
    {
        for (var i = 0; i < 3; i++)
        {
            await responseStream.WriteAsync(new Item { Id = request.Id + i, Count = i });
        }
    }
}
