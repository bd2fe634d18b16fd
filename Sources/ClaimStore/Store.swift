import ClaimModel
import GRDB
