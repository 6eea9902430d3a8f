// The four benchmark subgraphs (accounts, products, inventory, reviews) as Federation 2 schemas with
// graphql-js resolvers over the fixed values in data.json. Every answer is deterministic.
//
// Three behaviours of the standard benchmark's subgraphs are kept on purpose, because the expected
// 87.6 KB response depends on them:
//   - reviews: every Review.author is user "1" with username "urigo" (given to the gateway through
//     @provides), and User.reviews is always reviews "1" and "2", whoever the user is;
//   - reviews: a User representation resolves to username "user" (never selected by the query, since
//     username comes from accounts or from @provides);
//   - inventory: a Product representation keeps only its upc, so shippingEstimate, which needs price and
//     weight, is always null; the gateway still has to fetch price and weight for @requires.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { buildSubgraphSchema } from "@apollo/subgraph";

const data = JSON.parse(readFileSync(new URL("./data.json", import.meta.url), "utf8"));

const link = (...directives) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${directives.map((d) => JSON.stringify(d)).join(", ")}])`;

const usersById = new Map(data.users.map((u) => [u.id, u]));
const productsByUpc = new Map(data.products.map((p) => [p.upc, p]));
const stockByUpc = new Map(data.inventory.map((i) => [i.upc, i.inStock]));
const reviewsById = new Map(data.reviews.map((r) => [r.id, r]));
const firstTwoReviews = data.reviews.slice(0, 2);

const accounts = {
  typeDefs: `
    ${link("@key", "@shareable")}
    type Query {
      me: User
      user(id: ID!): User
      users: [User]
    }
    type User @key(fields: "id") {
      id: ID!
      name: String
      username: String @shareable
      birthday: Int
    }
    type Mutation {
      "The user with the name given (nothing is stored: every answer stays deterministic)."
      renameUser(id: ID!, name: String!): User
    }`,
  resolvers: {
    Query: {
      me: () => usersById.get("1"),
      user: (_root, args) => usersById.get(args.id) ?? null,
      users: () => data.users,
    },
    Mutation: {
      renameUser: (_root, args) => (usersById.has(args.id) ? { ...usersById.get(args.id), name: args.name } : null),
    },
    User: {
      __resolveReference: (representation) => usersById.get(representation.id) ?? null,
    },
  },
};

const products = {
  typeDefs: `
    ${link("@key")}
    type Query {
      topProducts(first: Int = 5): [Product]
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String
      price: Int
      weight: Int
    }`,
  resolvers: {
    Query: {
      topProducts: (_root, args) => data.products.slice(0, args.first ?? 5),
    },
    Product: {
      __resolveReference: (representation) => productsByUpc.get(representation.upc) ?? null,
    },
  },
};

const inventory = {
  typeDefs: `
    ${link("@key", "@external", "@requires")}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  resolvers: {
    Product: {
      // Only the upc of the representation is used (see the header): price and weight stay unknown.
      __resolveReference: (representation) =>
        stockByUpc.has(representation.upc) ? { upc: representation.upc, inStock: stockByUpc.get(representation.upc) } : null,
      shippingEstimate: (product) => {
        if (product.price == null) return null;
        if (product.price > 1000) return 0;
        return product.weight == null ? null : Math.trunc(product.weight / 2);
      },
    },
  },
};

const reviews = {
  typeDefs: `
    ${link("@key", "@external", "@provides")}
    type Review @key(fields: "id") {
      id: ID!
      body: String
      product: Product
      author: User @provides(fields: "username")
    }
    type User @key(fields: "id") {
      id: ID!
      username: String @external
      reviews: [Review]
    }
    type Product @key(fields: "upc") {
      upc: String!
      reviews: [Review]
    }
    type Mutation {
      "A review of the product as it would be added (nothing is stored: every answer stays deterministic)."
      addReview(upc: String!, body: String!): Review
    }`,
  resolvers: {
    Mutation: {
      addReview: (_root, args) => ({ id: `new-${args.upc}`, body: args.body, productUpc: args.upc }),
    },
    Review: {
      __resolveReference: (representation) => reviewsById.get(representation.id) ?? null,
      product: (review) => ({ upc: review.productUpc }),
      author: () => ({ id: "1", username: "urigo" }),
    },
    User: {
      __resolveReference: (representation) => ({ id: representation.id, username: "user" }),
      reviews: () => firstTwoReviews,
    },
    Product: {
      __resolveReference: (representation) => ({ upc: representation.upc }),
      reviews: (product) => data.reviews.filter((r) => r.productUpc === product.upc),
    },
  },
};

/** name -> executable subgraph schema */
export function buildSubgraphs() {
  const all = { accounts, products, inventory, reviews };
  return new Map(
    Object.entries(all).map(([name, s]) => [name, buildSubgraphSchema({ typeDefs: parse(s.typeDefs), resolvers: s.resolvers })]),
  );
}
