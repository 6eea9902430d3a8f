namespace FederatedGateway.Execution.PersistedDocuments;

/// <summary>How the gateway treats operations that are not in the trusted-document manifest.</summary>
public enum PersistedDocumentsMode
{
    /// <summary>Any operation runs; a manifest (when given) only lets clients send ids instead of documents.</summary>
    Off,

    /// <summary>Any operation runs, and each one not in the manifest is logged (a step before enforcing).</summary>
    AllowAndLog,

    /// <summary>Only operations in the manifest run (<c>PERSISTED_QUERY_NOT_IN_LIST</c> otherwise); APQ registration is refused.</summary>
    Enforce,
}
