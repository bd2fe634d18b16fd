print("claimdesk")
